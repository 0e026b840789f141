import { CLAIMANT_DONE_STATUSES, CLAIMANT_OPEN_STATUSES, type OrderStatus } from '@pingan/shared';
import { encodeCursor, readKeysetPage, type KeysetList, type Page, type PageRead } from '../platform/page-cursor';
import { db } from '../platform/sdk';
import type { OrderDoc } from './order-document';

/** The claimant's orders in some statuses by slot start, on `serviceOrders.claimant_status_slot` (one stream per status, merged). */
function claimantList(personId: string, statuses: readonly OrderStatus[], direction: 'asc' | 'desc'): KeysetList {
  const where = { 'claimant.personId': personId, status: db().command.in([...statuses]) };
  return { collection: 'serviceOrders', where, orderBy: 'slot.startsAt', direction };
}

/** A done row's cursor carries its slot start negated, so the next page knows to read on in the done part. */
function doneCursor(rows: Page<OrderDoc>): string | null {
  const last = rows.items[rows.items.length - 1];
  return rows.nextCursor !== null && last ? encodeCursor([-last.slot.startsAt, last._id]) : null;
}

/**
 * One page of a claimant's tasks (我的任务, `CLAIMANT_OPEN_STATUSES` then `CLAIMANT_DONE_STATUSES`): the open
 * ones the soonest first, then the done ones the latest first, two keyset reads of ≤ limit + 1 rows at most.
 */
export async function tasksOfClaimant(personId: string, page: PageRead): Promise<Page<OrderDoc>> {
  const done = claimantList(personId, CLAIMANT_DONE_STATUSES, 'desc');
  if (page.after !== undefined && page.after[0] < 0) {
    const rows = await readKeysetPage<OrderDoc>(done, { limit: page.limit, after: [-page.after[0], page.after[1]] });
    return { items: rows.items, nextCursor: doneCursor(rows) };
  }
  const open = await readKeysetPage<OrderDoc>(claimantList(personId, CLAIMANT_OPEN_STATUSES, 'asc'), page);
  if (open.nextCursor !== null) return open;
  const room = page.limit - open.items.length;
  const first = await readKeysetPage<OrderDoc>(done, { limit: Math.max(room, 1) });
  if (room === 0) {
    // The open part filled the page: the next one starts the done part after this page's last open row.
    const last = open.items[open.items.length - 1];
    return { items: open.items, nextCursor: first.items.length > 0 && last ? encodeCursor([last.slot.startsAt, last._id]) : null };
  }
  return { items: [...open.items, ...first.items], nextCursor: doneCursor(first) };
}
