import { lightBounds } from '@pingan/shared';
import {
  supervisingPlaceOf,
  supervisionListedBounds,
  supervisionListedFrom,
  supervisionsOpenOf,
  supervisionsSentOf,
} from '@pingan/shared/report';
import {
  accepted,
  after,
  assigned,
  closed,
  COMMUNITY,
  communityCentre,
  COUNTY,
  GRID,
  HOUR,
  resolved,
  STREET,
  streetCentre,
  worker,
} from '../fixtures/report-cast';

const REDAT = 1_000 * HOUR;
const inRange = (value: number, range: { gte?: number; lt?: number }) =>
  (range.gte === undefined || value >= range.gte) && (range.lt === undefined || value < range.lt);

const atCommunity = after(assigned, [{ type: 'escalate', note: '需社区协调' }, worker]);
const atStreet = after(atCommunity, [{ type: 'escalate', note: '需街道协调' }, communityCentre]);
const atCounty = after(atStreet, [{ type: 'escalate', note: '需县里协调' }, streetCentre]);

describe('the supervising place of a case', () => {
  it('is the owner’s parent on the region path, none at the county', () => {
    expect(supervisingPlaceOf(accepted)).toEqual({ code: COMMUNITY, level: 'community' });
    expect(supervisingPlaceOf(atCommunity)).toEqual({ code: STREET, level: 'street' });
    expect(supervisingPlaceOf(atStreet)).toEqual({ code: COUNTY, level: 'county' });
    expect(supervisingPlaceOf(atCounty)).toBeUndefined();
    expect(accepted.regionPath.grid).toBe(GRID);
  });
});

describe('督办 notes sent and unanswered', () => {
  const once = after(accepted, [{ type: 'supervise', note: '请尽快办理' }, communityCentre]);
  const twice = after(once, [{ type: 'supervise', note: '请今天办结' }, communityCentre]);
  const answered = after(twice, [{ type: 'answerSupervision', note: '已安排' }, worker]);
  const again = after(answered, [{ type: 'supervise', note: '仍未办结' }, communityCentre]);

  it('counts every note sent, and those since the latest answer as unanswered', () => {
    expect([accepted, once, twice, answered, again].map(supervisionsSentOf)).toEqual([0, 1, 2, 2, 3]);
    expect([accepted, once, twice, answered, again].map(supervisionsOpenOf)).toEqual([0, 1, 2, 0, 1]);
  });

  it('lists an open case from its oldest unanswered note, even before it is red', () => {
    const noteAt = once.events.at(-1)?.at as number;
    expect(supervisionListedFrom(once, REDAT)).toBe(Math.min(noteAt, REDAT));
    expect(supervisionListedFrom(twice, REDAT)).toBe(Math.min(noteAt, REDAT));
    expect(supervisionListedFrom(answered, REDAT)).toBe(REDAT);
  });
});

describe('when a case is on the 督办 list', () => {
  it('a running case from redAt; a resolved one only while a note awaits; a closed one never', () => {
    expect(supervisionListedFrom(accepted, REDAT)).toBe(REDAT);
    expect(supervisionListedFrom(resolved, REDAT)).toBeUndefined();
    const pending = after(resolved, [{ type: 'supervise', note: '核查太慢' }, communityCentre]);
    expect(supervisionListedFrom(pending, REDAT)).toBe(pending.events.at(-1)?.at);
    expect(supervisionListedFrom(closed, REDAT)).toBeUndefined();
  });

  it('joins the list exactly when the light turns red (not at redAt, one millisecond after)', () => {
    const from = supervisionListedFrom(accepted, REDAT) as number;
    for (const now of [REDAT - 1, REDAT, REDAT + 1]) {
      const red = inRange(REDAT, lightBounds('red', now).redAt ?? {});
      expect({ now, listed: inRange(from, supervisionListedBounds(now)) }).toEqual({ now, listed: red });
    }
    expect(inRange(from, supervisionListedBounds(REDAT))).toBe(false);
    expect(inRange(from, supervisionListedBounds(REDAT + 1))).toBe(true);
  });
});
