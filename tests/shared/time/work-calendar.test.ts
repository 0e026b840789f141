import {
  addWorkingTime,
  calendarFrom,
  isWorkingDay,
  redAtOf,
  shanghaiDayStart,
  timeLimitReading,
  type WorkCalendar,
} from '@pingan/shared/time';

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** An instant given as Asia/Shanghai wall-clock time. */
const sh = (date: string, clock: string) => Date.parse(`${date}T${clock}:00+08:00`);

/**
 * The demo's working day (08:30–12:00, 14:00–17:30, Monday to Friday) with 2026's 国庆 (10-01 … 10-07 off,
 * Saturday 10-10 worked) and 元旦 (01-01 … 01-03 off, Sunday 01-04 worked).
 */
const calendar: WorkCalendar = {
  periods: [
    { start: '08:30', end: '12:00' },
    { start: '14:00', end: '17:30' },
  ],
  weekdays: [1, 2, 3, 4, 5],
  holidays: ['2026-01-01', '2026-01-02', '2026-01-03', ...[1, 2, 3, 4, 5, 6, 7].map((d) => `2026-10-0${d}`)],
  workdays: ['2026-01-04', '2026-10-10'],
};

// 2026-12-01 is a Tuesday; 2026-12-04 a Friday; 2026-09-30 a Wednesday; 2026-10-09 a Friday.
describe('addWorkingTime', () => {
  it.each([
    ['inside the morning, ending exactly at its end (12:00, not 14:00)', sh('2026-12-01', '10:00'), 2, sh('2026-12-01', '12:00')],
    ['from 12:00 exactly: the count starts at 14:00', sh('2026-12-01', '12:00'), 1, sh('2026-12-01', '15:00')],
    ['across lunch: half before, half after', sh('2026-12-01', '11:30'), 1, sh('2026-12-01', '14:30')],
    ['from the middle of lunch', sh('2026-12-01', '13:00'), 2, sh('2026-12-01', '16:00')],
    ['from 17:30 exactly: the next morning', sh('2026-12-01', '17:30'), 1, sh('2026-12-02', '09:30')],
    ['from before the office opens', sh('2026-12-01', '08:00'), 1, sh('2026-12-01', '09:30')],
    ['from just after midnight Shanghai time (the previous UTC day)', sh('2026-12-01', '00:30'), 1, sh('2026-12-01', '09:30')],
    ['from Friday evening: over the weekend to Monday', sh('2026-12-04', '19:00'), 2, sh('2026-12-07', '10:30')],
    ['from Friday 17:00: half an hour on Friday, the rest on Monday', sh('2026-12-04', '17:00'), 1, sh('2026-12-07', '09:00')],
    ['over the 国庆 holiday, 10-01 to 10-07', sh('2026-09-30', '17:00'), 2, sh('2026-10-08', '10:00')],
    ['onto a 调休 Saturday (10-10 is worked)', sh('2026-10-09', '17:00'), 1, sh('2026-10-10', '09:00')],
    ['from a 调休 Saturday morning, as on any working day', sh('2026-10-10', '07:00'), 3.5, sh('2026-10-10', '12:00')],
    ['over 元旦 onto its make-up Sunday (01-04)', sh('2025-12-31', '17:30'), 1, sh('2026-01-04', '09:30')],
    [
      'several days: 24 working hours from Monday 08:30 (7 a day) end Thursday 11:30',
      sh('2026-11-30', '08:30'),
      24,
      sh('2026-12-03', '11:30'),
    ],
    ['fractional: 0.5 h from 11:45 is 15 min before lunch and 15 after', sh('2026-12-01', '11:45'), 0.5, sh('2026-12-01', '14:15')],
    ['fractional: 0.1 h (6 min) from 17:27, 3 min today and 3 tomorrow', sh('2026-12-01', '17:27'), 0.1, sh('2026-12-02', '08:33')],
  ])('%s', (_, start, hours, expected) => {
    expect(new Date(addWorkingTime(start, Math.round(hours * HOUR), calendar)).toISOString()).toBe(new Date(expected).toISOString());
  });

  it('adds nothing for zero: the start itself, even outside working time', () => {
    const saturday = sh('2026-12-05', '10:00');
    expect(addWorkingTime(saturday, 0, calendar)).toBe(saturday);
  });

  it('throws rather than hangs on a calendar that never works', () => {
    expect(() => addWorkingTime(sh('2026-12-01', '10:00'), HOUR, { ...calendar, weekdays: [], workdays: [] })).toThrow(/no working time/);
  });
});

describe('isWorkingDay', () => {
  it('works by weekday, holidays off and 调休 days on whatever the weekday', () => {
    const day = (date: string) => isWorkingDay(shanghaiDayStart(sh(date, '12:00')), calendar);
    expect([day('2026-12-04'), day('2026-12-05'), day('2026-12-06')]).toEqual([true, false, false]);
    expect([day('2026-10-01'), day('2026-10-08'), day('2026-10-10'), day('2026-10-11')]).toEqual([false, true, true, false]);
  });
});

describe('calendarFrom', () => {
  it('keeps the holidays and make-up days from the report’s day on, and nothing the caller can mutate', () => {
    const kept = calendarFrom(calendar, sh('2026-10-07', '23:59'));
    expect(kept.holidays).toEqual(['2026-10-07']);
    expect(kept.workdays).toEqual(['2026-10-10']);
    expect(kept.periods).toEqual(calendar.periods);
    expect(kept.periods).not.toBe(calendar.periods);
  });
});

/**
 * A working-hours category: acceptance within 2 working hours, handling within 24, red 1 working hour
 * after the deadline. Submitted Friday 2026-12-04 16:30: one hour counts on Friday, the second on Monday.
 */
describe('lights of a working-hours clock, at every boundary', () => {
  const limits = { acceptLimitHours: 2, handleLimitHours: 24, redAfterHours: 1, calendar };
  const submittedAt = sh('2026-12-04', '16:30');
  const deadline = sh('2026-12-07', '09:30');
  const redAt = sh('2026-12-07', '10:30');
  const light = (now: number, report: Parameters<typeof timeLimitReading>[0] = { submittedAt }) =>
    timeLimitReading(report, limits, now).light;

  it('sets the deadline by working time and the red margin the same way', () => {
    expect(timeLimitReading({ submittedAt }, limits, submittedAt).deadline).toBe(deadline);
    expect(redAtOf(deadline, limits)).toBe(redAt);
  });

  it('stays green over the weekend and up to and at the deadline; yellow 1 ms after', () => {
    expect(light(sh('2026-12-05', '12:00'))).toBe('green');
    expect(light(deadline)).toBe('green');
    expect(light(deadline + 1)).toBe('yellow');
  });

  it('stays yellow at redAt and turns red 1 ms after it', () => {
    expect(light(redAt)).toBe('yellow');
    expect(light(redAt + 1)).toBe('red');
  });

  it('counts the red margin in working time: a deadline at 17:30 on Friday turns red on Monday, not on Friday night', () => {
    const friday = { acceptLimitHours: 1, handleLimitHours: 24, redAfterHours: 1, calendar };
    const at = sh('2026-12-04', '16:30');
    expect(timeLimitReading({ submittedAt: at }, friday, at).deadline).toBe(sh('2026-12-04', '17:30'));
    expect(timeLimitReading({ submittedAt: at }, friday, sh('2026-12-05', '20:00')).light).toBe('yellow');
    expect(timeLimitReading({ submittedAt: at }, friday, sh('2026-12-07', '09:30')).light).toBe('yellow');
    expect(timeLimitReading({ submittedAt: at }, friday, sh('2026-12-07', '09:30') + 1).light).toBe('red');
  });

  it('runs the handling clock in working time from acceptance, and freezes it at resolution', () => {
    const accepted = { submittedAt, acceptedAt: sh('2026-11-30', '08:30') };
    expect(timeLimitReading(accepted, limits, accepted.acceptedAt)).toMatchObject({ clock: 'handle', deadline: sh('2026-12-03', '11:30') });
    const resolvedLate = { ...accepted, resolvedAt: sh('2026-12-03', '11:30') + MINUTE };
    expect(timeLimitReading(resolvedLate, limits, sh('2027-01-01', '00:00'))).toMatchObject({ light: 'yellow', frozen: true });
  });

  it('turns red at the deadline itself with a zero red margin', () => {
    const strict = { ...limits, redAfterHours: 0 };
    expect(redAtOf(deadline, strict)).toBe(deadline);
    expect(timeLimitReading({ submittedAt }, strict, deadline).light).toBe('green');
    expect(timeLimitReading({ submittedAt }, strict, deadline + 1).light).toBe('red');
  });

  it('counts natural hours without a calendar, as before', () => {
    const { calendar: _calendar, ...natural } = limits;
    expect(timeLimitReading({ submittedAt }, natural, submittedAt).deadline).toBe(submittedAt + 2 * HOUR);
    expect(redAtOf(submittedAt + 2 * HOUR, natural)).toBe(submittedAt + 3 * HOUR);
  });
});
