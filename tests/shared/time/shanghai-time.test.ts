import { shanghaiDayKey, shanghaiMonthKey } from '@pingan/shared/time';

describe('Asia/Shanghai calendar keys', () => {
  it('puts 15:59:59.999 UTC on the same Shanghai day', () => {
    expect(shanghaiDayKey(Date.UTC(2025, 0, 6, 15, 59, 59, 999))).toBe('2025-01-06');
  });

  it('puts 16:00 UTC on the next Shanghai day (midnight at +08:00)', () => {
    expect(shanghaiDayKey(Date.UTC(2025, 0, 6, 16, 0))).toBe('2025-01-07');
  });

  it('turns the month at Shanghai midnight, not UTC midnight', () => {
    expect(shanghaiMonthKey(Date.UTC(2025, 0, 31, 16, 30))).toBe('2025-02');
    expect(shanghaiMonthKey(Date.UTC(2025, 0, 31, 15, 30))).toBe('2025-01');
  });

  it('agrees with the tz database through a whole year (China keeps no DST)', () => {
    const format = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
    for (let hour = 0; hour < 366 * 24; hour += 7) {
      const instant = Date.UTC(2024, 0, 1) + hour * 3_600_000;
      expect(shanghaiDayKey(instant)).toBe(format.format(instant));
    }
  });
});
