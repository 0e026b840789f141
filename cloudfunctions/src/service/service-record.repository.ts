import type { OrderSlot } from '@pingan/shared';
import { pageReadOf, readKeysetPage } from '../platform/page-cursor';
import { db, listOf } from '../platform/sdk';
import type { LedgerDoc } from '../points/points-ledger.repository';

/** Rows a read takes: under the server's 1000, so a page's extra row still fits. */
const READ_MAX = 999;
const ORDERS_PER_READ = 500;

/**
 * A person's service credits (`service` ledger entries) credited in [from, to), the latest first, on
 * `pointsLedger.person_kind_time`: one read for up to 999 of them (a volunteer's year holds far fewer),
 * then one more per 999, so the year's record is never cut short.
 */
export async function serviceCreditsOf(personId: string, from: number, to: number): Promise<LedgerDoc[]> {
  const _ = db().command;
  const where = { personId, kind: 'service', at: _.gte(from).and(_.lt(to)) };
  const credits: LedgerDoc[] = [];
  let cursor: string | undefined;
  do {
    const page = await readKeysetPage<LedgerDoc>(
      { collection: 'pointsLedger', where, orderBy: 'at', direction: 'desc' },
      pageReadOf({ limit: READ_MAX, ...(cursor !== undefined && { cursor }) }),
    );
    credits.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return credits;
}

/** What the service record shows of an order: what it was, where, when — nothing of who asked for it. */
export type ServedOrder = { readonly _id: string; readonly title: string; readonly gridCode: string; readonly slot: OrderSlot };

/** The orders with these ids, as much of them as the record shows, by id (500 ids a read, the reads at once). */
export async function servedOrders(ids: readonly string[]): Promise<Map<string, ServedOrder>> {
  const unique = [...new Set(ids)];
  const _ = db().command;
  const chunks = Array.from({ length: Math.ceil(unique.length / ORDERS_PER_READ) }, (_chunk, i) =>
    unique.slice(i * ORDERS_PER_READ, (i + 1) * ORDERS_PER_READ),
  );
  const reads = await Promise.all(
    chunks.map((chunk) =>
      listOf<ServedOrder>(
        db()
          .collection('serviceOrders')
          .where({ _id: _.in(chunk) })
          .field({ _id: true, title: true, gridCode: true, slot: true })
          .limit(chunk.length)
          .get(),
      ),
    ),
  );
  return new Map(reads.flat().map((order) => [order._id, order]));
}
