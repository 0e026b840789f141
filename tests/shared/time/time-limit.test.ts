import { timeLimitReading } from '@pingan/shared/time';

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 0, 6, 1, 0);
/** 消防隐患: accept within 1 h, handle within 24 h, red 12 h after the deadline. */
const limits = { acceptLimitHours: 1, handleLimitHours: 24, redAfterHours: 12 };
const waiting = { submittedAt: T0 };

describe('timeLimitReading', () => {
  it('runs the acceptance clock from submission: green up to and at the deadline', () => {
    expect(timeLimitReading(waiting, limits, T0 + HOUR)).toEqual({ clock: 'accept', deadline: T0 + HOUR, light: 'green', frozen: false });
  });

  it('turns yellow just past the deadline', () => {
    expect(timeLimitReading(waiting, limits, T0 + HOUR + 1).light).toBe('yellow');
  });

  it('stays yellow at exactly redAfterHours past the deadline, and turns red after it', () => {
    expect(timeLimitReading(waiting, limits, T0 + 13 * HOUR).light).toBe('yellow');
    expect(timeLimitReading(waiting, limits, T0 + 13 * HOUR + 1).light).toBe('red');
  });

  it('runs the handling clock from acceptance', () => {
    const acceptedLate = { submittedAt: T0, acceptedAt: T0 + 5 * HOUR };
    expect(timeLimitReading(acceptedLate, limits, T0 + 29 * HOUR)).toEqual({
      clock: 'handle',
      deadline: T0 + 29 * HOUR,
      light: 'green',
      frozen: false,
    });
  });

  it('freezes the light at resolution', () => {
    const resolvedLate = { submittedAt: T0, acceptedAt: T0, resolvedAt: T0 + 30 * HOUR };
    expect(timeLimitReading(resolvedLate, limits, T0 + 1000 * HOUR)).toMatchObject({ light: 'yellow', frozen: true });
  });

  it('runs on from the first acceptance after rework (resolvedAt cleared): rework does not restart it', () => {
    const reworked = { submittedAt: T0, acceptedAt: T0 };
    expect(timeLimitReading(reworked, limits, T0 + 30 * HOUR).light).toBe('yellow');
  });

  it('freezes the acceptance clock when the report is rejected', () => {
    const rejectedInTime = { submittedAt: T0, rejectedAt: T0 + HOUR / 2 };
    expect(timeLimitReading(rejectedInTime, limits, T0 + 100 * HOUR)).toMatchObject({ clock: 'accept', light: 'green', frozen: true });
  });

  it('handles fractional hours without float drift (0.1 h = 6 min)', () => {
    const help = { acceptLimitHours: 0.1, handleLimitHours: 2, redAfterHours: 1 };
    expect(timeLimitReading(waiting, help, T0).deadline).toBe(T0 + 6 * 60_000);
  });
});
