import type { Actor } from '@pingan/shared/people';
import { applyTransition, awardReversedEvent } from '@pingan/shared/report';
import type { Report } from '@pingan/shared/report';
import type { ReportAction } from '@pingan/shared/report';
import {
  accepted,
  after,
  assigned,
  closed,
  COMMUNITY,
  communityCentre,
  COUNTY,
  countyCentre,
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

describe('escalation (上报上级)', () => {
  it('moves an assigned grid case to its community, back to accepted and unassigned', () => {
    const up = after(assigned, [{ type: 'escalate', note: '需社区协调' }, worker]);
    expect(up).toMatchObject({ status: 'accepted', ownerCode: COMMUNITY, ownerLevel: 'community' });
    expect(up).not.toHaveProperty('assignee');
    expect(up.events.at(-1)).toMatchObject({ type: 'escalated', owner: { code: COMMUNITY, level: 'community' }, note: '需社区协调' });
  });

  it('climbs grid → community → street → county, each step by the owning level', () => {
    const atCounty = after(
      accepted,
      [{ type: 'escalate' }, worker],
      [{ type: 'escalate' }, communityCentre],
      [{ type: 'escalate' }, streetCentre],
    );
    expect(atCounty).toMatchObject({ ownerCode: COUNTY, ownerLevel: 'county' });
    expect(atCounty.events.filter((event) => event.type === 'escalated').map((event) => event.owner?.code)).toEqual([
      COMMUNITY,
      STREET,
      COUNTY,
    ]);
  });

  it('keeps the first acceptance time: escalation does not restart the handling clock', () => {
    expect(after(accepted, [{ type: 'escalate' }, worker]).acceptedAt).toBe(accepted.acceptedAt);
  });

  it('refuses escalating beyond the county (REPORT.CANNOT_ESCALATE)', () => {
    const atCounty = after(
      accepted,
      [{ type: 'escalate' }, worker],
      [{ type: 'escalate' }, communityCentre],
      [{ type: 'escalate' }, streetCentre],
    );
    expect(codeOf(atCounty, { type: 'escalate' }, countyCentre)).toBe('REPORT.CANNOT_ESCALATE');
  });

  it('refuses escalating a report not yet accepted, or resolved (REPORT.INVALID_TRANSITION)', () => {
    expect(codeOf(submitted, { type: 'escalate' }, worker)).toBe('REPORT.INVALID_TRANSITION');
    expect(codeOf(closed, { type: 'escalate' }, worker)).toBe('REPORT.INVALID_TRANSITION');
  });

  it('refuses escalation by a centre that does not own the case', () => {
    expect(codeOf(accepted, { type: 'escalate' }, communityCentre)).toBe('REPORT.FORBIDDEN');
  });
});

describe('supervision (督办)', () => {
  it('lets a centre above leave a note that the owner answers', () => {
    const supervised = after(accepted, [{ type: 'supervise', note: '请今日内处理' }, streetCentre]);
    expect(supervised).toMatchObject({ status: 'accepted', supervisionPending: true });
    const answered = after(supervised, [{ type: 'answerSupervision', note: '已安排人员' }, worker]);
    expect(answered.supervisionPending).toBe(false);
    expect(answered.events.map((event) => event.type).slice(-2)).toEqual(['supervised', 'supervision_answered']);
  });

  it('refuses 督办 from the grid leader: it comes from a level above', () => {
    expect(codeOf(accepted, { type: 'supervise', note: '快' }, leader)).toBe('REPORT.FORBIDDEN');
  });

  it('refuses 督办 from a centre off the case region path', () => {
    expect(codeOf(accepted, { type: 'supervise', note: '快' }, otherCommunityCentre)).toBe('REPORT.FORBIDDEN');
  });

  it('refuses 督办 without a note (REPORT.NOTE_REQUIRED)', () => {
    expect(codeOf(accepted, { type: 'supervise', note: '' }, communityCentre)).toBe('REPORT.NOTE_REQUIRED');
  });

  it('refuses 督办 of a closed case', () => {
    expect(codeOf(closed, { type: 'supervise', note: '快' }, communityCentre)).toBe('REPORT.INVALID_TRANSITION');
  });

  it('refuses an answer when no 督办 is pending (REPORT.NO_SUPERVISION)', () => {
    expect(codeOf(accepted, { type: 'answerSupervision', note: '已处理' }, worker)).toBe('REPORT.NO_SUPERVISION');
  });

  it('refuses an answer from the supervisor instead of the owner', () => {
    const supervised = after(accepted, [{ type: 'supervise', note: '请今日内处理' }, streetCentre]);
    expect(codeOf(supervised, { type: 'answerSupervision', note: '好' }, streetCentre)).toBe('REPORT.FORBIDDEN');
  });
});

describe('a reversed award on the timeline (撤销奖励)', () => {
  it('appends the cause and the words as the next event, the status left as it is', () => {
    const event = awardReversedEvent(accepted, { cause: 'duplicate', note: '与另一条重复' }, leader, T0 + 5);
    expect(event).toEqual({
      seq: accepted.events.length,
      type: 'award_reversed',
      at: T0 + 5,
      actorId: leader.id,
      status: accepted.status,
      note: '与另一条重复',
      reversalCause: 'duplicate',
    });
  });
});
