import { categoriesFileSchema, workCalendarFileSchema, workCalendarSchema } from '@pingan/shared/config';
import { isWorkingDay, shanghaiDayStart } from '@pingan/shared/time';
import { demoFile } from '../fixtures/demo-county';

const demo = workCalendarFileSchema.parse(demoFile('work-calendar.json')).calendar;
const workingDay = (date: string) => isWorkingDay(shanghaiDayStart(Date.parse(`${date}T12:00:00+08:00`)), demo);

describe('the demo work calendar', () => {
  it('parses: two periods a day, Monday to Friday', () => {
    expect(demo.periods).toEqual([
      { start: '08:30', end: '12:00' },
      { start: '14:00', end: '17:30' },
    ]);
    expect(demo.weekdays).toEqual([1, 2, 3, 4, 5]);
  });

  it('has 2026’s holidays and 调休 days as the State Council set them, and 2027’s', () => {
    // 春节 2026: 02-15 … 02-23 off, Saturdays 02-14 and 02-28 worked; 国庆: 10-01 … 10-07 off, 09-20 and 10-10 worked.
    expect(['2026-02-13', '2026-02-14', '2026-02-16', '2026-02-23', '2026-02-24', '2026-02-28'].map(workingDay)).toEqual([
      true,
      true,
      false,
      false,
      true,
      true,
    ]);
    expect(['2026-09-20', '2026-10-01', '2026-10-07', '2026-10-08', '2026-10-10'].map(workingDay)).toEqual([
      true,
      false,
      false,
      true,
      true,
    ]);
    expect(['2027-01-01', '2027-10-01', '2027-10-08'].map(workingDay)).toEqual([false, false, true]);
    expect(demo.holidays.filter((date) => date.startsWith('2026'))).toHaveLength(33);
  });

  it('names every demo category’s clock, with the urgent ones on natural hours', () => {
    const clocks = Object.fromEntries(categoriesFileSchema.parse(demoFile('categories.json')).categories.map((c) => [c.code, c.clock]));
    expect(clocks).toMatchObject({ ZAXS: 'natural', XFYH: 'natural', JGQS: 'natural', HJWS: 'working', NBJF: 'working' });
    expect(Object.values(clocks).every((clock) => clock === 'natural' || clock === 'working')).toBe(true);
  });
});

describe('workCalendarSchema', () => {
  const refusal = (change: Record<string, unknown>) => {
    const result = workCalendarSchema.safeParse({ ...demo, ...change });
    return result.success ? 'accepted' : result.error.issues.map((issue) => issue.message).join('; ');
  };

  it.each([
    ['a period ending before it starts', { periods: [{ start: '14:00', end: '12:00' }] }, /ends after it starts/],
    [
      'overlapping periods',
      {
        periods: [
          { start: '08:30', end: '12:00' },
          { start: '11:00', end: '17:30' },
        ],
      },
      /do not overlap/,
    ],
    [
      'periods out of order',
      {
        periods: [
          { start: '14:00', end: '17:30' },
          { start: '08:30', end: '12:00' },
        ],
      },
      /do not overlap/,
    ],
    ['a time that is not HH:mm', { periods: [{ start: '8:30', end: '12:00' }] }, /HH:mm/],
    ['no working weekday', { weekdays: [] }, /./],
    ['weekday 0', { weekdays: [0, 1] }, /./],
    ['a day that does not exist', { holidays: ['2026-02-30'] }, /not a calendar day/],
    ['a month that does not exist', { workdays: ['2026-13-01'] }, /not a calendar day/],
    ['a date both off and worked', { holidays: ['2026-10-10'], workdays: ['2026-10-10'] }, /once/],
  ])('refuses %s', (_, change, message) => {
    expect(refusal(change)).toMatch(message);
  });

  it('accepts a period running to midnight', () => {
    expect(refusal({ periods: [{ start: '20:00', end: '24:00' }] })).toBe('accepted');
  });
});
