import { shanghaiDayKey } from '../time/shanghai-time';
import { adjustmentEntryId, type LedgerEntry, type LedgerUnit } from './ledger-entry';

/** The longest reason staff may give for an adjustment. */
export const ADJUSTMENT_REASON_MAX = 200;

export type Adjustment = {
  readonly personId: string;
  readonly unit: LedgerUnit;
  /** Signed integer fen or points, not 0. */
  readonly amount: number;
  /** The staff's words: why, required. */
  readonly reason: string;
  /** The staff member (person id) making it. */
  readonly by: string;
  /** The staff's idempotency key: a retry writes the same entry. */
  readonly key: string;
  /** The month it counts in: the first open month (`firstOpenMonth` from the month of `at`). */
  readonly monthKey: string;
};

/**
 * A staff adjustment of a person's money or points (a correction the other kinds do not cover), dated `at`
 * (epoch ms). Refused without a reason or the one who made it, or for nothing: every entry says why.
 */
export function adjustmentEntry(adjustment: Adjustment, at: number): LedgerEntry {
  const reason = adjustment.reason.trim();
  if (reason === '' || reason.length > ADJUSTMENT_REASON_MAX) throw new Error('an adjustment needs a reason of 1–200 characters');
  if (adjustment.by === '') throw new Error('an adjustment needs the staff member who made it');
  if (!Number.isSafeInteger(adjustment.amount) || adjustment.amount === 0) throw new Error('an adjustment is a non-zero integer');
  return {
    id: adjustmentEntryId(adjustment.personId, adjustment.key),
    personId: adjustment.personId,
    kind: 'adjustment',
    unit: adjustment.unit,
    amount: adjustment.amount,
    at,
    dayKey: shanghaiDayKey(at),
    monthKey: adjustment.monthKey,
    reason,
    by: adjustment.by,
  };
}
