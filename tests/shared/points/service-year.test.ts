import { serviceYearOf, shanghaiYear, shanghaiYearStart } from '@pingan/shared';

describe('serviceYearOf', () => {
  it('adds up a year of services, and each month in the month of its credit', () => {
    const year = serviceYearOf([
      { minutes: 40, points: 5, dayKey: '2026-03-05' },
      { minutes: 120, points: 15, dayKey: '2026-11-20' },
      { minutes: 40, points: 5, dayKey: '2026-11-02' },
    ]);
    expect(year.totals).toEqual({ minutes: 200, points: 25, tasks: 3 });
    expect(year.months).toHaveLength(12);
    expect(year.months[2]).toEqual({ month: 3, minutes: 40, points: 5, tasks: 1 });
    expect(year.months[10]).toEqual({ month: 11, minutes: 160, points: 20, tasks: 2 });
    expect(year.months.filter((month) => month.tasks === 0)).toHaveLength(10);
  });

  it('counts a zero-point service: its minutes still count', () => {
    expect(serviceYearOf([{ minutes: 30, points: 0, dayKey: '2026-01-01' }]).totals).toEqual({ minutes: 30, points: 0, tasks: 1 });
  });

  it('gives an empty year every month at zero', () => {
    const year = serviceYearOf([]);
    expect(year.totals).toEqual({ minutes: 0, points: 0, tasks: 0 });
    expect(year.months.map((month) => month.month)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe('Asia/Shanghai years', () => {
  it('begins a year at 1 January 00:00 +08:00, which is still 31 December in UTC', () => {
    expect(new Date(shanghaiYearStart(2026)).toISOString()).toBe('2025-12-31T16:00:00.000Z');
    expect(shanghaiYear(shanghaiYearStart(2026))).toBe(2026);
    expect(shanghaiYear(shanghaiYearStart(2026) - 1)).toBe(2025);
  });
});
