import type { OrderEvent, ServiceOrder } from '@pingan/shared';
import { orderNotifyOwedBy } from '../notifications/notify-owed';
import type { Page, PageRead } from '../platform/page-cursor';
import { readKeysetPage } from '../platform/page-cursor';
import { db, isDuplicateKey, oneOf, updatedCount, type Transaction } from '../platform/sdk';
import type { OrderDoc } from './order-document';

export const ORDERS = 'serviceOrders';

/** Stores a new order under its id; a second booking with the same id (a retry, a race) finds it there. */
export async function insertOrder(doc: OrderDoc): Promise<'inserted' | 'exists'> {
  try {
    await db().collection(ORDERS).add({ data: doc });
    return 'inserted';
  } catch (error) {
    if (isDuplicateKey(error)) return 'exists';
    throw error;
  }
}

export function findOrder(id: string): Promise<OrderDoc | undefined> {
  return oneOf<OrderDoc>(db().collection(ORDERS).doc(id).get());
}

/** The requester's orders, newest first (`requester_time`). */
export function ordersOfRequester(openid: string, page: PageRead): Promise<Page<OrderDoc>> {
  return readKeysetPage<OrderDoc>(
    { collection: ORDERS, where: { requesterOpenid: openid }, orderBy: 'createdAt', direction: 'desc' },
    page,
  );
}

/**
 * Saves a move as one update conditional on the version read: of two moves racing from the same state
 * (a cancel and a claim, two claims), the first to write wins and the other changes nothing (false).
 */
export async function saveOrderMove(before: OrderDoc, after: ServiceOrder, event: OrderEvent): Promise<boolean> {
  const updated = await updatedCount(
    db()
      .collection(ORDERS)
      .where({ _id: before._id, version: before.version })
      .update({ data: moveUpdate(before, after, event) }),
  );
  return updated === 1;
}

/** The order as a transaction reads it (its snapshot): the read a crediting move decides on. */
export async function findOrderIn(tx: Transaction, id: string): Promise<OrderDoc | undefined> {
  return ((await tx.collection(ORDERS).doc(id).get()).data as OrderDoc | null) ?? undefined;
}

/**
 * Saves a move inside a transaction, which isolates the read from the write: a change committed since the
 * transaction's read makes this write conflict, and the transaction runs again on what was committed.
 */
export async function saveOrderMoveIn(tx: Transaction, before: OrderDoc, after: ServiceOrder, event: OrderEvent): Promise<void> {
  const { stats } = await tx
    .collection(ORDERS)
    .doc(before._id)
    .update({ data: moveUpdate(before, after, event) });
  if (stats.updated !== 1) throw new Error(`serviceOrders/${before._id}: the move changed nothing`);
}

/**
 * A move's update: the fields it changed, the event appended, the version one up, and, when the move tells
 * someone, the owed-messages mark, in this same write (so a crash before the messages loses none).
 */
function moveUpdate(before: OrderDoc, after: ServiceOrder, event: OrderEvent): object {
  const _ = db().command;
  const changed = Object.fromEntries(
    (['status', 'claimant', 'credit', 'rating'] as const)
      .filter((field) => after[field] !== before[field])
      .map((field) => [field, after[field] === undefined ? _.remove() : after[field]]),
  );
  return { ...changed, events: _.push([event]), version: _.inc(1), ...orderNotifyOwedBy(event) };
}
