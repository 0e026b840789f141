/**
 * Reference data a warm instance keeps for a short while (categories, services): read once, answered
 * from memory until `ttlMs` has passed, so a county's change shows within that time without every call
 * paying the reads. The load's promise is kept, so calls that arrive during a load share it; a failed
 * load is forgotten, and the next call tries again. Time comes in from the caller (the call's `now`).
 */
interface TtlCache<T> {
  get(now: number): Promise<T>;
  /** Drops the value, so the next call loads it as a cold instance would. */
  forget(): void;
}

export function ttlCache<T>(ttlMs: number, load: () => Promise<T>): TtlCache<T> {
  let entry: { readonly value: Promise<T>; readonly loadedAt: number } | undefined;
  return {
    get(now) {
      // A clock that went back (an instance's time corrected) counts as expired too.
      if (entry === undefined || now - entry.loadedAt >= ttlMs || now < entry.loadedAt) {
        const value = load();
        const loading = { value, loadedAt: now };
        entry = loading;
        value.catch(() => {
          if (entry === loading) entry = undefined;
        });
      }
      return entry.value;
    },
    forget() {
      entry = undefined;
    },
  };
}
