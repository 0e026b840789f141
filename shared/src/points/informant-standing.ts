import type { LedgerEntry } from './ledger-entry';
import { type SettlementStatement, settlementStatement } from './monthly-settlement';
import { nextMonthKey } from './settlement-month';

/** An informant's money today against the daily cap, in fen: earned, the cap, what is left, and whether it is reached. */
export type CapStanding = {
  readonly earnedFen: number;
  readonly capFen: number;
  readonly leftFen: number;
  readonly reached: boolean;
};

/**
 * Today's money (the day's counter, `pointsDaily`) against the cap (`settings/pointsRules`): what a valid
 * report could still earn today. A cap lowered below what was already earned leaves nothing, never less.
 */
export function capStanding(earnedFen: number, capFen: number): CapStanding {
  const leftFen = Math.max(0, capFen - earnedFen);
  return { earnedFen, capFen, leftFen, reached: leftFen === 0 };
}

/** A month's statement before it is settled: the rows and figures the settlement would write, and nothing to write. */
export type ProvisionalStatement = Omit<SettlementStatement, 'entries'>;

/**
 * The statement of a month not settled yet (the month so far, or one awaiting its run on the 1st), made by
 * the settlement's own rule from the person's entries, so that it reads as the settled one will.
 */
export function provisionalStatement(
  entries: readonly LedgerEntry[],
  person: { readonly id: string; readonly name: string },
  monthKey: string,
): ProvisionalStatement {
  // The settlement entries' date is never shown: the statement is not written.
  const { entries: _unwritten, ...statement } = settlementStatement(entries, person, monthKey, 0);
  return statement;
}

/**
 * The Asia/Shanghai day a month's money is settled, `YYYY-MM-DD`: the 1st of the month after (settleMonth's
 * timer). What a reversal takes back from a month already settled comes off the next one.
 */
export function settlementDayOf(monthKey: string): string {
  return `${nextMonthKey(monthKey)}-01`;
}
