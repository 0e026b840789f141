import { claimantAt, orderMessagesFor, orderMessageTargets, type OrderEvent, type OrderRecipient, type ServiceOrder } from '@pingan/shared';
import { db, listOf } from '../platform/sdk';
import { USERS } from '../users/users.repository';
import { staffOf, targetKey } from './light-notice-recipients.repository';
import { insertMessage } from './messages.repository';

type PersonDoc = { readonly _id: string; readonly openid?: string; readonly name?: string };
type GridPerson = { readonly personId: string; readonly openid: string };

/**
 * Tells the people an order's move concerns, in 消息 (shared/src/service/order-messages.ts: 接单 and 完成 to
 * the requester, 确认 to whoever served it, 有异议 to them and the grid's 网格员/网格长, 裁定 to the requester
 * and whoever served it). After the move is saved: one wave reads the people named (by `_id`, with the
 * claimant's name for "who is coming") and, for a dispute, the grid's staff, at once; the next writes each
 * message under `<orderId>:<seq>:<personId>`, so a message written twice is one. Nothing here fails the
 * move: errors are logged, and that message is not sent (an order keeps no owed mark, unlike a report).
 */
export async function notifyOrderChange(order: ServiceOrder, event: OrderEvent): Promise<number> {
  try {
    const targets = orderMessageTargets(order, event);
    if (targets.length === 0) return 0;
    const holder = claimantAt(order, event.seq);
    const ids = [...targets.flatMap((t) => (t.kind === 'person' ? [t.personId] : [])), ...(holder ? [holder.personId] : [])];
    const wantsStaff = targets.some((t) => t.kind === 'gridStaff');
    const [people, staff] = await Promise.all([
      peopleByIds(ids),
      wantsStaff ? staffOf([{ kind: 'grid', gridCode: order.gridCode }]) : Promise.resolve(new Map<string, GridPerson[]>()),
    ]);
    const recipients: OrderRecipient[] = targets.flatMap((target): OrderRecipient[] => {
      if (target.kind === 'gridStaff') {
        const found = staff.get(targetKey({ kind: 'grid', gridCode: order.gridCode })) ?? [];
        return found.map((person) => ({ ...person, as: 'gridStaff' as const }));
      }
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
    const written = await Promise.all(orderMessagesFor(subject, event, recipients).map((message) => insertMessage(message)));
    return written.filter((outcome) => outcome === 'inserted').length;
  } catch (error) {
    console.error(`[notifications] serviceOrders/${order.id}: the messages of event ${event.seq} failed`, error);
    return 0;
  }
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
