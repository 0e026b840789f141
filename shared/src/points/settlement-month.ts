import { shanghaiMonthKey } from '../time/shanghai-time';

/**
 * Months of the monthly settlement (docs/DESIGN.md, "Points"), `YYYY-MM` in Asia/Shanghai. A month is open
 * until its settlement starts (`closing`), and locked from then on (`closing`, then `closed`): nothing is
 * written into it any more, so what reverses or adjusts a settled month counts in the first open one after.
 */
export const SETTLEMENT_MONTH_STATUSES = ['closing', 'closed'] as const;
export type SettlementMonthStatus = (typeof SETTLEMENT_MONTH_STATUSES)[number];

/**
 * How long after a month starts closing its settlement waits before reading it: longer than any function
 * runs (the platform stops one at 60 s), so a write that found the month still open has committed by then.
 */
export const SETTLEMENT_GRACE_MS = 2 * 60_000;

/** The month after `monthKey`: 2025-12 → 2026-01. */
export function nextMonthKey(monthKey: string): string {
  const [year, month] = monthKey.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** The Asia/Shanghai month before the one holding `now` (epoch ms): what a settlement run on the 1st closes. */
export function monthToSettle(now: number): string {
  const [year, month] = shanghaiMonthKey(now).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/**
 * The month a new money entry counts in: `wanted` (an award's month, for its reversal) if it is still
 * open, otherwise the first open month after it. `locked` is the set of months whose settlement has begun,
 * as read for the months `monthsToAsk` lists; a month after those is open.
 */
export function firstOpenMonth(wanted: string, locked: ReadonlySet<string>): string {
  let month = wanted;
  while (locked.has(month)) month = nextMonthKey(month);
  return month;
}

/**
 * The months whose settlement documents decide where an entry wanting `wanted` goes at `now` (epoch ms):
 * from `wanted` to the month after `now`'s (the current month is settled only by a run fired early).
 */
export function monthsToAsk(wanted: string, now: number): string[] {
  const last = nextMonthKey(shanghaiMonthKey(now));
  const months = [wanted];
  while ((months.at(-1) as string) < last) months.push(nextMonthKey(months.at(-1) as string));
  return months;
}
