/**
 * One append-only ledger for money and community points. Entries are never edited; a balance is a sum.
 * Every entry's id is derived from what caused it, so writing it under a unique key makes it exactly-once:
 * a retried or concurrent accept finds `award:<reportId>` already there.
 */
export const LEDGER_KINDS = ['award', 'reversal', 'redemption', 'settlement', 'service'] as const;
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

export type LedgerEntry = {
  readonly id: string;
  readonly personId: string;
  readonly kind: LedgerKind;
  readonly unit: LedgerUnit;
  /** Signed integer: awards add; reversals, redemptions and settlements subtract. */
  readonly amount: number;
  /** Epoch milliseconds; for an award, the moment of acceptance. */
  readonly at: number;
  /** The Asia/Shanghai day of `at`, `YYYY-MM-DD`: the daily cap's key and the settlement month's source. */
  readonly dayKey: string;
  readonly reportId?: string;
  readonly basis?: AwardBasis;
  /** For a settlement: the month it settles, `YYYY-MM`. */
  readonly monthKey?: string;
  /** For volunteer service (`service`): the order served, and the service minutes credited with the points. */
  readonly orderId?: string;
  readonly minutes?: number;
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

/** The id of a person's settlement for a month. */
export function settlementEntryId(personId: string, monthKey: string): string {
  return `settlement:${personId}:${monthKey}`;
}
