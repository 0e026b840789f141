/**
 * One append-only ledger for money and community points. Entries are never edited; a balance is a sum.
 * Every entry's id is derived from what caused it, so writing it under a unique key makes it exactly-once:
 * a retried or concurrent accept finds `award:<reportId>` already there.
 */
export const LEDGER_KINDS = ['award', 'reversal', 'redemption', 'refund', 'settlement', 'service', 'adjustment', 'carry'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** `fen` is money (以奖代补, paid by monthly settlement); `point` is community points (爱心积分). */
export const LEDGER_UNITS = ['fen', 'point'] as const;
export type LedgerUnit = (typeof LEDGER_UNITS)[number];

/**
 * Why an award has the amount it has: an informant's money, a resident's points, staff reporting in their
 * own area (nothing), or the daily cap (cut to what was left of it, possibly 0).
 */
export const AWARD_BASES = ['informant', 'resident', 'own_area', 'daily_cap'] as const;
export type AwardBasis = (typeof AWARD_BASES)[number];

/** Why an accepted report's award was reversed: found invalid, or a duplicate of another, after acceptance. */
export const REVERSAL_CAUSES = ['invalid', 'duplicate'] as const;
export type ReversalCause = (typeof REVERSAL_CAUSES)[number];

export type LedgerEntry = {
  readonly id: string;
  readonly personId: string;
  readonly kind: LedgerKind;
  readonly unit: LedgerUnit;
  /**
   * Signed integer: awards add; reversals, redemptions and settlements subtract; a refund gives a cancelled
   * or refused redemption's points back; an adjustment either way;
   * a carry is a month's negative total moved on (its settlement adds it back in the month it leaves).
   */
  readonly amount: number;
  /** Epoch milliseconds; for an award, the moment of acceptance. */
  readonly at: number;
  /** The Asia/Shanghai day of `at`, `YYYY-MM-DD`: the daily cap's key. */
  readonly dayKey: string;
  /**
   * `YYYY-MM`, set when the entry is written: the month a money entry counts in (an award's month of
   * acceptance; a reversal's or adjustment's first month not yet settled; a carry's next month), or for a
   * settlement the month it settles. Entries written before it existed count in their `dayKey`'s month.
   */
  readonly monthKey?: string;
  readonly reportId?: string;
  readonly basis?: AwardBasis;
  /** The report's grid and street, for an award and its reversal: the settlement's per-grid and per-street totals. */
  readonly gridCode?: string;
  readonly streetCode?: string;
  /** A reversal's cause. */
  readonly cause?: ReversalCause;
  /** The staff's words: a reversal's note, an adjustment's reason (required). */
  readonly reason?: string;
  /** The staff member (person id) who reversed or adjusted. */
  readonly by?: string;
  /** For volunteer service (`service`): the order served, and the service minutes credited with the points. */
  readonly orderId?: string;
  readonly minutes?: number;
  /** For 爱心超市 (`redemption`, `refund`): the redemption and its item (shared/src/market/redemption.ts). */
  readonly redemptionId?: string;
  readonly itemId?: string;
};

/** The id of the award for a report. */
export function awardEntryId(reportId: string): string {
  return `award:${reportId}`;
}

/** The id of the reversal of a report's award. */
export function reversalEntryId(reportId: string): string {
  return `reversal:${reportId}`;
}

/** The id of the credit for a service order's volunteer: one per order, whoever confirms it and however often. */
export function serviceEntryId(orderId: string): string {
  return `service:${orderId}`;
}

/** The id of a staff adjustment: the person's, under the staff's idempotency key, so a retry writes one. */
export function adjustmentEntryId(personId: string, key: string): string {
  return `adjustment:${personId}:${key}`;
}

/** The id of what a month left owing (a negative total), carried into the next month (`monthKey`, that month). */
export function carryEntryId(personId: string, monthKey: string): string {
  return `carry:${personId}:${monthKey}`;
}

/** The month an entry counts in: its `monthKey`, or for one written before it existed, its day's month. */
export function monthCountedIn(entry: Pick<LedgerEntry, 'monthKey' | 'dayKey'>): string {
  return entry.monthKey ?? entry.dayKey.slice(0, 7);
}

/** The id of a person's settlement for a month. */
export function settlementEntryId(personId: string, monthKey: string): string {
  return `settlement:${personId}:${monthKey}`;
}
