import type { Actor } from '@pingan/shared/people';
import { applyTransition, type HandBackGrid, type Report, type ReportAction } from '@pingan/shared/report';
import {
  accepted,
  after,
  assigned,
  closed,
  COMMUNITY,
  communityCentre,
  COUNTY,
  countyCentre,
  GRID,
  leader,
  otherCommunityCentre,
  STREET,
  streetCentre,
  submitted,
  T0,
  worker,
} from '../fixtures/report-cast';

const codeOf = (report: Report, action: ReportAction, actor: Actor) => {
  const outcome = applyTransition(report, action, actor, T0);
  return outcome.ok ? 'ok' : outcome.code;
};

/** A grid as the tree has it: its code and the codes above it. */
const gridAt = (code: string, community = COMMUNITY, street = STREET) => ({
  code,
  regionPath: { grid: code, community, street, county: COUNTY },
});
const OTHER_GRID = gridAt(`${COMMUNITY}-02`);
/** A grid of another community of the same street. */
const NEIGHBOUR_GRID = gridAt('100000001002-01', '100000001002');
const handBack = (to: HandBackGrid = OTHER_GRID, note = '属网格职责，请网格处理'): ReportAction => ({ type: 'handBack', to, note });

/** A case of GRID escalated to its community (accepted there, unassigned). */
const atCommunity = after(assigned, [{ type: 'escalate', note: '需社区协调' }, worker]);
const atStreet = after(atCommunity, [{ type: 'escalate', note: '需街道协调' }, communityCentre]);

describe('hand-back (下派)', () => {
  it('makes the named grid the owner, the status, clock and history kept', () => {
    const down = after(atCommunity, [handBack(), communityCentre]);
    expect(down).toMatchObject({ status: 'accepted', ownerCode: OTHER_GRID.code, ownerLevel: 'grid', regionPath: OTHER_GRID.regionPath });
    expect(down.acceptedAt).toBe(atCommunity.acceptedAt);
    expect(down.events.slice(0, -1)).toEqual(atCommunity.events);
    expect(down.events.at(-1)).toMatchObject({
      type: 'handed_back',
      status: 'accepted',
      actorId: communityCentre.id,
      owner: { code: OTHER_GRID.code, level: 'grid' },
      note: '属网格职责，请网格处理',
    });
  });

  it('lets the grid it went to work it, and no longer the centre as owner', () => {
    const down = after(atCommunity, [handBack(gridAt(GRID)), communityCentre]);
    expect(codeOf(down, { type: 'assign', to: { kind: 'person', personId: worker.id } }, worker)).toBe('ok');
    expect(codeOf(down, { type: 'escalate', note: '再报' }, communityCentre)).toBe('REPORT.FORBIDDEN');
  });

  it('goes from a street to a grid of any of its communities, its path becoming that grid’s', () => {
    const down = after(atStreet, [handBack(NEIGHBOUR_GRID), streetCentre]);
    expect(down).toMatchObject({ ownerCode: NEIGHBOUR_GRID.code, regionPath: NEIGHBOUR_GRID.regionPath });
    // The grid's own community now sits above it (督办), and the first community no longer does.
    expect(codeOf(down, { type: 'supervise', note: '请尽快' }, otherCommunityCentre)).toBe('ok');
    expect(codeOf(down, { type: 'supervise', note: '请尽快' }, communityCentre)).toBe('REPORT.FORBIDDEN');
  });

  it('takes a submitted case routed to a centre down to a grid before anyone accepted it', () => {
    const atCentre: Report = { ...submitted, ownerCode: COMMUNITY, ownerLevel: 'community' };
    expect(after(atCentre, [handBack(), communityCentre])).toMatchObject({ status: 'submitted', ownerCode: OTHER_GRID.code });
  });

  it('is only the owning centre’s: not a centre above or beside it, nor the grid’s staff', () => {
    expect(codeOf(atCommunity, handBack(), streetCentre)).toBe('REPORT.FORBIDDEN');
    expect(codeOf(atCommunity, handBack(), countyCentre)).toBe('REPORT.FORBIDDEN');
    expect(codeOf(atCommunity, handBack(), otherCommunityCentre)).toBe('REPORT.FORBIDDEN');
    expect(codeOf(atCommunity, handBack(), leader)).toBe('REPORT.FORBIDDEN');
  });

  it('goes only to a grid under the owner (REPORT.INVALID_HAND_BACK)', () => {
    expect(codeOf(atCommunity, handBack(NEIGHBOUR_GRID), communityCentre)).toBe('REPORT.INVALID_HAND_BACK');
    const community = { code: COMMUNITY, regionPath: { community: COMMUNITY, street: STREET, county: COUNTY } };
    expect(codeOf(atStreet, handBack(community), streetCentre)).toBe('REPORT.INVALID_HAND_BACK');
    const mislabelled = { code: OTHER_GRID.code, regionPath: gridAt(GRID).regionPath };
    expect(codeOf(atCommunity, handBack(mislabelled), communityCentre)).toBe('REPORT.INVALID_HAND_BACK');
  });

  it('has nothing to hand down from a grid: the grid owns it already', () => {
    expect(codeOf(accepted, handBack(), leader)).toBe('REPORT.FORBIDDEN');
  });

  it('is refused once the centre dispatched it, once closed, and without a reason', () => {
    const dispatched = after(atCommunity, [{ type: 'assign', to: { kind: 'department', department: '环卫所' } }, communityCentre]);
    expect(codeOf(dispatched, handBack(), communityCentre)).toBe('REPORT.INVALID_TRANSITION');
    expect(codeOf(closed, handBack(), countyCentre)).toBe('REPORT.INVALID_TRANSITION');
    expect(codeOf(atCommunity, handBack(OTHER_GRID, ' '), communityCentre)).toBe('REPORT.NOTE_REQUIRED');
  });
});
