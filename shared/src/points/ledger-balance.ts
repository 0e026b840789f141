import type { LedgerEntry, LedgerUnit } from './ledger-entry';

/** A person's balance in one unit: the sum of their entries. */
export function balanceOf(entries: readonly LedgerEntry[], personId: string, unit: LedgerUnit): number {
  return sum(entries.filter((entry) => entry.personId === personId && entry.unit === unit));
}

/**
 * The money awarded to a person on one Asia/Shanghai day, the figure the daily cap is checked against.
 * Reversals do not give the day's cap back.
 */
export function fenAwardedOnDay(entries: readonly LedgerEntry[], personId: string, dayKey: string): number {
  return sum(
    entries.filter((entry) => entry.personId === personId && entry.kind === 'award' && entry.unit === 'fen' && entry.dayKey === dayKey),
  );
}

function sum(entries: readonly LedgerEntry[]): number {
  return entries.reduce((total, entry) => total + entry.amount, 0);
}
