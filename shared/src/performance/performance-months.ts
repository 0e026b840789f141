import { shanghaiMonthKey } from '../time/shanghai-time';

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An Asia/Shanghai calendar month: `YYYY-MM` and its bounds [from, to) in epoch ms. */
export type ShanghaiMonth = { readonly month: string; readonly from: number; readonly to: number };

/** The instant an Asia/Shanghai month begins (day 1, 00:00 +08:00), the month counted from year 0 × 12. */
function monthStart(monthIndex: number): number {
  return Date.UTC(Math.floor(monthIndex / 12), monthIndex % 12, 1) - SHANGHAI_OFFSET_MS;
}

/**
 * The last `count` Asia/Shanghai calendar months up to the one holding `now`, oldest first: the trend's
 * points. The key is what every report stores as its `submittedMonth` (shanghaiMonthKey of submittedAt).
 */
export function shanghaiMonthsUpTo(now: number, count: number): ShanghaiMonth[] {
  const key = shanghaiMonthKey(now);
  const current = Number(key.slice(0, 4)) * 12 + Number(key.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, i) => {
    const index = current - count + 1 + i;
    const from = monthStart(index);
    return { month: shanghaiMonthKey(from), from, to: monthStart(index + 1) };
  });
}
