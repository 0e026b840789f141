import { firstOpenMonth, monthToSettle, monthsToAsk, nextMonthKey } from '@pingan/shared/points';

const shanghai = (iso: string) => Date.parse(`${iso}+08:00`);

describe('monthToSettle', () => {
  it('closes the Shanghai month before the run: on 1 February, January', () => {
    expect(monthToSettle(shanghai('2025-02-01T00:00:00'))).toBe('2025-01');
  });

  it('crosses the year: on 1 January, the December before', () => {
    expect(monthToSettle(shanghai('2026-01-01T00:10:00'))).toBe('2025-12');
  });

  it('reads the month in Shanghai: 31 January 16:30 UTC is already 1 February there', () => {
    expect(monthToSettle(Date.UTC(2025, 0, 31, 16, 30))).toBe('2025-01');
    expect(monthToSettle(Date.UTC(2025, 0, 31, 15, 59))).toBe('2024-12');
  });
});

describe('nextMonthKey', () => {
  it('moves on a month, across a year', () => {
    expect(nextMonthKey('2025-09')).toBe('2025-10');
    expect(nextMonthKey('2025-12')).toBe('2026-01');
  });
});

describe('firstOpenMonth', () => {
  const settled = (months: string[]) => new Set(months);

  it('keeps the award’s month while it is open (a reversal before settlement)', () => {
    expect(firstOpenMonth('2025-02', settled(['2025-01']))).toBe('2025-02');
  });

  it('moves to the next open month once the award’s month is settled (a reversal after settlement)', () => {
    expect(firstOpenMonth('2025-01', settled(['2025-01']))).toBe('2025-02');
    expect(firstOpenMonth('2025-01', settled(['2025-01', '2025-02']))).toBe('2025-03');
  });

  it('crosses a year', () => {
    expect(firstOpenMonth('2025-12', settled(['2025-12']))).toBe('2026-01');
  });
});

describe('monthsToAsk', () => {
  const now = shanghai('2025-03-10T09:00:00');

  it('lists the months from the one wanted to the month after now’s', () => {
    expect(monthsToAsk('2024-12', now)).toEqual(['2024-12', '2025-01', '2025-02', '2025-03', '2025-04']);
    expect(monthsToAsk('2025-03', now)).toEqual(['2025-03', '2025-04']);
  });
});
