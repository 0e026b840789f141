import type { LedgerEntry, LedgerUnit } from '@pingan/shared';
import { readKeysetPage, type Page, type PageRead } from '../platform/page-cursor';
import { aggregateRows, db, type Transaction } from '../platform/sdk';
import { awardDocuments, dailyId, type DailyDoc, type LedgerDoc } from './award-documents';

export type { LedgerDoc };

const LEDGER = 'pointsLedger';
const DAILY = 'pointsDaily';

/**
 * The money already awarded to a person on an Asia/Shanghai day, from their counter
 * (`pointsDaily/<personId>:<YYYY-MM-DD>`), read inside the acceptance transaction that moves it on, so
 * that two acceptances at once cannot both fit under the cap: the one that writes it second loses a write
 * conflict and runs again (platform/sdk.ts inTransaction), reading the counter anew.
 */
export async function dailyFenIn(tx: Transaction, personId: string, dayKey: string): Promise<number> {
  const daily = (await tx.collection(DAILY).doc(dailyId(personId, dayKey)).get()).data as DailyDoc | null;
  return daily?.fenAwarded ?? 0;
}

/**
 * Writes an award inside the acceptance transaction, and moves the day's counter on by its money. The
 * entry's id is `award:<reportId>`: a second award of one report collides and the whole transaction
 * rolls back. The ledger stays the truth; the counter is its running sum of the day's money awards.
 */
export async function writeAwardIn(tx: Transaction, entry: LedgerEntry, fenBefore: number): Promise<void> {
  const { ledger, daily } = awardDocuments(entry, fenBefore);
  await tx.collection(LEDGER).add({ data: ledger });
  if (daily) {
    const { _id, ...next } = daily;
    await tx.collection(DAILY).doc(_id).set({ data: next });
  }
}

/**
 * Writes a volunteer's service credit (`service:<orderId>`, shared/src/points/service-credit.ts) inside the
 * transaction that confirms the order: a second credit of one order collides and rolls the whole move back.
 */
export async function writeServiceCreditIn(tx: Transaction, entry: LedgerEntry): Promise<void> {
  const { id, ...fields } = entry;
  await tx.collection(LEDGER).add({ data: { _id: id, ...fields } });
}

/** A person's entries, newest first, a page at a time. */
export function ledgerOf(personId: string, page: PageRead): Promise<Page<LedgerDoc>> {
  return readKeysetPage({ collection: LEDGER, where: { personId }, orderBy: 'at', direction: 'desc' }, page);
}

/** A person's balance per unit: the sum of their entries, computed by the database in one round trip. */
export async function balancesOf(personId: string): Promise<Record<LedgerUnit, number>> {
  const $ = db().command.aggregate;
  const rows = await aggregateRows<{ _id: LedgerUnit; total: number }>(
    db()
      .collection(LEDGER)
      .aggregate()
      .match({ personId })
      .group({ _id: '$unit', total: $.sum('$amount') })
      .end(),
  );
  const balances: Record<LedgerUnit, number> = { fen: 0, point: 0 };
  for (const row of rows) balances[row._id] = row.total;
  return balances;
}
