import { ttlCache } from '../../../cloudfunctions/src/platform/ttl-cache';

function counter() {
  let loads = 0;
  return { load: async () => `value ${++loads}`, loads: () => loads };
}

describe('ttlCache', () => {
  it('loads once and answers from memory until the time is up', async () => {
    const source = counter();
    const cache = ttlCache(60_000, source.load);
    expect(await cache.get(0)).toBe('value 1');
    expect(await cache.get(59_999)).toBe('value 1');
    expect(await cache.get(60_000)).toBe('value 2');
    expect(source.loads()).toBe(2);
  });

  it('shares one load among calls that arrive while it runs', async () => {
    const source = counter();
    const cache = ttlCache(60_000, source.load);
    expect(await Promise.all([cache.get(0), cache.get(1)])).toEqual(['value 1', 'value 1']);
    expect(source.loads()).toBe(1);
  });

  it('forgets a failed load, so the next call tries again', async () => {
    let fail = true;
    const cache = ttlCache(60_000, async () => {
      if (fail) throw new Error('database unreachable');
      return 'fresh';
    });
    await expect(cache.get(0)).rejects.toThrow('database unreachable');
    fail = false;
    expect(await cache.get(1)).toBe('fresh');
  });

  it('loads again when the clock went back, and after forget()', async () => {
    const source = counter();
    const cache = ttlCache(60_000, source.load);
    await cache.get(10_000);
    expect(await cache.get(5_000)).toBe('value 2');
    cache.forget();
    expect(await cache.get(5_001)).toBe('value 3');
  });
});
