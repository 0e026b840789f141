import { DEFAULT_REPORT_RATE_LIMITS, rateBucketsOf, rateClassOf } from '@pingan/shared/limits';
import { shanghaiClock } from '@pingan/shared/time';

const limit = { windowMinutes: 10, perWindow: 5, perDay: 20 };
// 2026-12-01 09:37:12 +08:00
const now = Date.UTC(2026, 11, 1, 1, 37, 12);

describe('rateClassOf', () => {
  it('puts anyone holding a staff role in the staff class, even if also an informant', () => {
    expect(rateClassOf(['resident', 'informant', 'gridWorker'])).toBe('staff');
    expect(rateClassOf(['police'])).toBe('staff');
  });

  it('puts an informant above a plain resident', () => {
    expect(rateClassOf(['resident', 'informant'])).toBe('informant');
    expect(rateClassOf(['resident'])).toBe('resident');
    expect(rateClassOf(['volunteer'])).toBe('resident');
  });

  it('gives informants and staff more room than residents by default', () => {
    const { resident, informant, staff } = DEFAULT_REPORT_RATE_LIMITS;
    expect(informant.perDay).toBeGreaterThan(resident.perDay);
    expect(staff.perWindow).toBeGreaterThan(resident.perWindow);
  });
});

describe('rateBucketsOf', () => {
  it('counts a call in its fixed window and its Shanghai day, each ending when the next begins', () => {
    const [window, day] = rateBucketsOf('report', 'u-1', limit, now);
    expect(window).toMatchObject({ kind: 'window', limit: 5 });
    expect(shanghaiClock(window.resetsAt)).toBe('09:40');
    expect(day).toMatchObject({ kind: 'day', limit: 20, id: 'report:u-1:d:2026-12-01', resetsAt: Date.UTC(2026, 11, 1, 16, 0, 0) });
  });

  it('gives every call of one window the same bucket and the next window another', () => {
    const [a] = rateBucketsOf('report', 'u-1', limit, now);
    const [b] = rateBucketsOf('report', 'u-1', limit, now + 60_000);
    const [c] = rateBucketsOf('report', 'u-1', limit, now + 3 * 60_000);
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
  });

  it('keeps people, actions and window lengths apart', () => {
    const ids = [
      rateBucketsOf('report', 'u-1', limit, now)[0].id,
      rateBucketsOf('report', 'u-2', limit, now)[0].id,
      rateBucketsOf('booking', 'u-1', limit, now)[0].id,
      rateBucketsOf('report', 'u-1', { ...limit, windowMinutes: 60 }, now)[0].id,
    ];
    expect(new Set(ids).size).toBe(4);
  });

  it('starts a new day at midnight in Shanghai (16:00 UTC)', () => {
    const before = rateBucketsOf('report', 'u-1', limit, Date.UTC(2026, 11, 1, 15, 59, 59))[1];
    const after = rateBucketsOf('report', 'u-1', limit, Date.UTC(2026, 11, 1, 16, 0, 0))[1];
    expect(before.id).toBe('report:u-1:d:2026-12-01');
    expect(after.id).toBe('report:u-1:d:2026-12-02');
  });
});
