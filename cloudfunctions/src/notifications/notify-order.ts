import {
  claimantAt,
  orderMessageKindOf,
  orderMessagesFor,
  orderMessageTargets,
  orderTemplateValuesOf,
  type OrderRecipient,
} from '@pingan/shared';
import { db, listOf } from '../platform/sdk';
import { orderDocAfter, orderOf, type OrderDoc } from '../service/order-document';
import type { OrderMoveMade } from '../service/order-moves';
import { ORDERS } from '../service/service-orders.repository';
import { USERS } from '../users/users.repository';
import { staffOf, targetKey } from './light-notice-recipients.repository';
import { insertMessage } from './messages.repository';
import { NOTIFY_GRACE_MS } from './notify-owed';
import { pushSubscribeMessage } from './subscribe-push';
import { subscribeTemplates } from './subscribe-templates.repository';

type PersonDoc = { readonly _id: string; readonly openid?: string; readonly name?: string };
type GridPerson = { readonly personId: string; readonly openid: string };

/**
 * Tells the people an order's move concerns, in 消息 (shared/src/service/order-messages.ts: 接单 and 完成 to
 * the requester, 确认 to whoever served it, 有异议 to them and the grid's 网格员/网格长, 裁定 to the requester
 * and whoever served it). The move's own write marked the order as owing them (notify-owed.ts); after the
 * save this delivers from the mark and clears it. Nothing here fails the move: errors are logged and the
 * mark stays for clockSweep (sweepOwedOrders), so a crash or a failed write delays a message, never loses it.
 */
export async function notifyOrderChange(made: OrderMoveMade, now: number): Promise<void> {
  const doc = orderDocAfter(made.before, made.order, made.event);
  try {
    await deliverOwedOrder(doc, now);
  } catch (error) {
    console.error(`[notifications] serviceOrders/${doc._id}: delivery failed; the mark stays for the sweep`, error);
  }
}

/**
 * Delivers the messages of orders whose mark is older than the grace period (those a crash left), at most
 * `batch` orders, oldest first (index notify_due on serviceOrders); answers how many it delivered.
 * clockSweep runs it every minute.
 */
export async function sweepOwedOrders(now: number, batch: number): Promise<number> {
  const _ = db().command;
  const stale = await listOf<OrderDoc>(
    db()
      .collection(ORDERS)
      .where({ notifyDueAt: _.lt(now - NOTIFY_GRACE_MS) })
      .orderBy('notifyDueAt', 'asc')
      .limit(batch)
      .get(),
  );
  // Each on its own: one order's failure keeps its mark for the next run and stops no other.
  const delivered = await Promise.allSettled(stale.map((doc) => deliverOwedOrder(doc, now)));
  for (const [i, outcome] of delivered.entries()) {
    if (outcome.status === 'rejected')
      console.error(`[notifications] serviceOrders/${stale[i]?._id}: the sweep's delivery failed`, outcome.reason);
  }
  return delivered.filter((outcome) => outcome.status === 'fulfilled').length;
}

/**
 * Writes the messages of every event from the order's mark on (the latest event at least), each under
 * `<orderId>:<seq>:<personId>` (written twice, it is one), then clears the mark if the order has not
 * changed since this version (a newer move delivers its own), and sends a WeChat subscribe message for
 * each message newly written where its kind has a template. Waves: the people named (by `_id`, with the
 * claimant's name for "who is coming"), for a dispute the grid's staff, and the templates (kept a minute),
 * at once; the inserts; the clearing beside the sends.
 */
async function deliverOwedOrder(doc: OrderDoc, now: number): Promise<void> {
  const order = orderOf(doc);
  const last = order.events[order.events.length - 1];
  const from = Math.min(doc.notifyFrom ?? Number.POSITIVE_INFINITY, last?.seq ?? 0);
  const owed = order.events.filter((event) => event.seq >= from && orderMessageKindOf(event) !== undefined);
  if (owed.length === 0) {
    if (doc.notifyFrom !== undefined) await clearMark(doc);
    return;
  }
  const targets = owed.map((event) => ({ event, targets: orderMessageTargets(order, event), holder: claimantAt(order, event.seq) }));
  const ids = targets.flatMap(({ targets: named, holder }) => [
    ...named.flatMap((t) => (t.kind === 'person' ? [t.personId] : [])),
    ...(holder ? [holder.personId] : []),
  ]);
  const wantsStaff = targets.some(({ targets: named }) => named.some((t) => t.kind === 'gridStaff'));
  const gridStaff = { kind: 'grid', gridCode: order.gridCode } as const;
  const [people, staff, templates] = await Promise.all([
    peopleByIds(ids),
    wantsStaff ? staffOf([gridStaff]) : Promise.resolve(new Map<string, GridPerson[]>()),
    subscribeTemplates(now),
  ]);
  const told = targets.flatMap(({ event, targets: named, holder }) => {
    const recipients = named.flatMap((target): OrderRecipient[] => {
      if (target.kind === 'gridStaff') return (staff.get(targetKey(gridStaff)) ?? []).map((person) => ({ ...person, as: 'gridStaff' }));
      const openid = people.get(target.personId)?.openid;
      return openid ? [{ personId: target.personId, openid, as: target.as }] : [];
    });
    const claimantName = holder ? people.get(holder.personId)?.name : undefined;
    const subject = {
      orderId: order.id,
      kind: order.kind,
      title: order.title,
      slotStartsAt: order.slot.startsAt,
      ...(claimantName && { claimantName }),
    };
    const as = new Map(recipients.map((recipient) => [recipient.personId, recipient.as] as const));
    return orderMessagesFor(subject, event, recipients).map((message) => ({
      message,
      values: orderTemplateValuesOf(message, subject, event, as.get(message.recipientId) ?? 'requester'),
    }));
  });
  const inserted = await Promise.all(told.map(async (m) => ((await insertMessage(m.message)) === 'inserted' ? [m] : [])));
  // Stored, so nothing is owed any more: the mark is cleared beside one WeChat send per message newly written.
  const pushes = inserted.flat().map((m) => pushSubscribeMessage(m.message, orderPage(order.id), m.values, templates));
  await Promise.all([clearMark(doc), ...pushes]);
}

/** The page a tap on an order's WeChat message opens (client/src/routes.ts' order, without its leading slash). */
export function orderPage(orderId: string): string {
  return `orders/pages/order/index?id=${orderId}`;
}

/** Clears the mark, on the version read: a move made meanwhile keeps it for its own delivery. */
async function clearMark(doc: OrderDoc): Promise<void> {
  const _ = db().command;
  await db()
    .collection(ORDERS)
    .where({ _id: doc._id, version: doc.version })
    .update({ data: { notifyFrom: _.remove(), notifyDueAt: _.remove() } });
}

async function peopleByIds(ids: readonly string[]): Promise<Map<string, PersonDoc>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const _ = db().command;
  const rows = await listOf<PersonDoc>(
    db()
      .collection(USERS)
      .where({ _id: _.in(unique) })
      .field({ _id: true, openid: true, name: true })
      .limit(unique.length)
      .get(),
  );
  return new Map(rows.map((row) => [row._id, row]));
}
