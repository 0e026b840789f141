import type { LedgerEntry } from '@pingan/shared';

/** A ledger entry as stored: the entry under its deterministic id (`award:<reportId>` …). */
export type LedgerDoc = Omit<LedgerEntry, 'id'> & { readonly _id: string };

/** Money awarded to a person on one Asia/Shanghai day: the guard of the daily cap. */
export type DailyDoc = { readonly personId: string; readonly dayKey: string; readonly fenAwarded: number };

/** What an award writes: its ledger entry, and for money the day's counter moved on by it (under its id). */
export type AwardDocuments = { readonly ledger: LedgerDoc; readonly daily?: DailyDoc & { readonly _id: string } };

/**
 * The documents an award writes, given the money the person had been awarded that day before it: pure,
 * so that acceptance (points-ledger.repository.ts) and the demo history (tools/seed/demo-history.ts) store
 * awards alike.
 */
export function awardDocuments(entry: LedgerEntry, fenBefore: number): AwardDocuments {
  const { id, ...fields } = entry;
  const ledger: LedgerDoc = { _id: id, ...fields };
  if (entry.unit !== 'fen' || entry.amount <= 0) return { ledger };
  return {
    ledger,
    daily: {
      _id: dailyId(entry.personId, entry.dayKey),
      personId: entry.personId,
      dayKey: entry.dayKey,
      fenAwarded: fenBefore + entry.amount,
    },
  };
}

/** The id of a person's counter for a day (`pointsDaily/<personId>:<YYYY-MM-DD>`). */
export function dailyId(personId: string, dayKey: string): string {
  return `${personId}:${dayKey}`;
}
