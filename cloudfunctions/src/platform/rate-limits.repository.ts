import { rateBucketsOf, shanghaiClock, type RateBucket, type RateLimit } from '@pingan/shared';
import { AppError } from './app-error';
import { db, isDuplicateKey, updatedCount } from './sdk';

const RATE_COUNTERS = 'rateCounters';

/**
 * Takes one place for `action` by `personId` in both of its buckets (the window and the day), or in
 * neither: a place taken in one bucket is given back when the other is full. Refuses with RATE.LIMITED
 * and a message saying when to try again.
 *
 * Each place is one conditional increment (`count < limit`), which the database applies atomically per
 * document, so a burst of any size gets exactly `limit` places however its calls interleave; there is no
 * read-then-write for concurrent calls to slip between.
 */
export async function takeRateSlot(action: string, personId: string, limit: RateLimit, now: number): Promise<void> {
  const buckets = rateBucketsOf(action, personId, limit, now);
  const taken = await Promise.all(buckets.map(takeSlot));
  if (taken.every(Boolean)) return;
  await Promise.all(buckets.filter((_, i) => taken[i]).map(giveBack));
  throw new AppError('RATE.LIMITED', limitedMessage(buckets.filter((_, i) => !taken[i])));
}

async function takeSlot(bucket: RateBucket): Promise<boolean> {
  if (await incrementBelowLimit(bucket)) return true;
  try {
    // Absent (the period's first call) or full: creating it tells which.
    await db()
      .collection(RATE_COUNTERS)
      .add({ data: { _id: bucket.id, count: 1, limit: bucket.limit, resetsAt: bucket.resetsAt } });
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
  // It exists: full, or created a moment ago by a concurrent call.
  return incrementBelowLimit(bucket);
}

async function incrementBelowLimit(bucket: RateBucket): Promise<boolean> {
  const _ = db().command;
  const updated = await updatedCount(
    db()
      .collection(RATE_COUNTERS)
      .where({ _id: bucket.id, count: _.lt(bucket.limit) })
      .update({ data: { count: _.inc(1) } }),
  );
  return updated === 1;
}

async function giveBack(bucket: RateBucket): Promise<void> {
  await db()
    .collection(RATE_COUNTERS)
    .doc(bucket.id)
    .update({ data: { count: db().command.inc(-1) } });
}

/** The day's ceiling says "tomorrow"; a window says the time it opens again (Asia/Shanghai). */
function limitedMessage(full: readonly RateBucket[]): string {
  const day = full.find((bucket) => bucket.kind === 'day');
  const urgent = '紧急情况请直接拨打 110。';
  if (day) return `今天已经上报了 ${day.limit} 条，达到每天的上限，请明天再报。${urgent}`;
  const window = full[0];
  return `上报太频繁了，请在 ${window ? shanghaiClock(window.resetsAt) : '稍后'} 以后再试。${urgent}`;
}
