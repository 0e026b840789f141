import { DUE_SOON_HOURS, dueSoonBounds, lightBounds, redAtOf, shanghaiWeekStart, timeLimitReading, type Light } from '@pingan/shared/time';

const HOUR = 3_600_000;
const limits = { acceptLimitHours: 2, handleLimitHours: 24, redAfterHours: 1.5 };

/** Whether a stored (deadlineAt, redAt) pair falls in the ranges lightBounds gives. */
function inBounds(light: Light, deadlineAt: number, redAt: number, now: number): boolean {
  const bounds = lightBounds(light, now);
  const within = (value: number, range?: { gte?: number; lt?: number }) =>
    range === undefined || ((range.gte === undefined || value >= range.gte) && (range.lt === undefined || value < range.lt));
  return within(deadlineAt, bounds.deadlineAt) && within(redAt, bounds.redAt);
}

describe('lights as ranges on stored instants', () => {
  it('puts every instant around a deadline in exactly the light timeLimitReading reads', () => {
    const submittedAt = Date.UTC(2025, 0, 6, 1);
    const deadline = submittedAt + 2 * HOUR;
    const redAt = redAtOf(deadline, limits);
    expect(redAt).toBe(deadline + 1.5 * HOUR);
    for (const offset of [-HOUR, -1, 0, 1, HOUR, 1.5 * HOUR - 1, 1.5 * HOUR, 1.5 * HOUR + 1, 5 * HOUR]) {
      const now = deadline + offset;
      const light = timeLimitReading({ submittedAt }, limits, now).light;
      const matching = (['green', 'yellow', 'red'] as const).filter((each) => inBounds(each, deadline, redAt, now));
      expect(matching).toEqual([light]);
    }
  });

  it('does the same for a working-hours clock, at instants in working time, at lunch, at night and over a weekend', () => {
    const calendar = {
      periods: [
        { start: '08:30', end: '12:00' },
        { start: '14:00', end: '17:30' },
      ],
      weekdays: [1, 2, 3, 4, 5],
      holidays: ['2026-12-07'],
      workdays: [],
    };
    // Friday 2026-12-04 11:00 +08:00, 3.5 working hours: 1 h before lunch, 2.5 after it (16:30); red 1.5
    // working hours later: 1 h on Friday, half an hour on Tuesday (Monday 12-07 is a holiday here).
    const submittedAt = Date.parse('2026-12-04T11:00:00+08:00');
    const working = { ...limits, acceptLimitHours: 3.5, calendar };
    const deadline = timeLimitReading({ submittedAt }, working, submittedAt).deadline;
    const redAt = redAtOf(deadline, working);
    expect([deadline, redAt]).toEqual([Date.parse('2026-12-04T16:30:00+08:00'), Date.parse('2026-12-08T09:00:00+08:00')]);
    const lunch = Date.parse('2026-12-04T12:30:00+08:00');
    const saturday = Date.parse('2026-12-05T12:00:00+08:00');
    for (const now of [submittedAt, lunch, deadline - 1, deadline, deadline + 1, saturday, redAt - 1, redAt, redAt + 1]) {
      const light = timeLimitReading({ submittedAt }, working, now).light;
      const matching = (['green', 'yellow', 'red'] as const).filter((each) => inBounds(each, deadline, redAt, now));
      expect(matching).toEqual([light]);
    }
  });

  it('counts a deadline due soon from now up to DUE_SOON_HOURS ahead, not one already passed', () => {
    const now = Date.UTC(2025, 0, 6);
    expect(dueSoonBounds(now)).toEqual({ gte: now, lt: now + DUE_SOON_HOURS * HOUR });
  });
});

describe('the Asia/Shanghai week', () => {
  it('begins on Monday 00:00 +08:00, which is Sunday 16:00 UTC', () => {
    // 2025-01-06 is a Monday.
    const mondayStart = Date.UTC(2025, 0, 5, 16);
    expect(shanghaiWeekStart(mondayStart)).toBe(mondayStart);
    expect(shanghaiWeekStart(mondayStart - 1)).toBe(mondayStart - 7 * 24 * HOUR);
    expect(shanghaiWeekStart(Date.UTC(2025, 0, 12, 15, 59))).toBe(mondayStart); // Sunday 23:59 in Shanghai
    expect(shanghaiWeekStart(Date.UTC(2025, 0, 12, 16))).toBe(mondayStart + 7 * 24 * HOUR);
  });
});
