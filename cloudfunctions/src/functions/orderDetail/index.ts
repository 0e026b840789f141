import { mayViewOrder, orderDetailContract } from '@pingan/shared';
import { photoUrlsOf } from '../../files/photo-urls';
import { defineFunction } from '../../platform/define-function';
import { ownCompletionPhotos, orderDetailOf } from '../../service/order-detail';
import { orderOf } from '../../service/order-document';
import { refusal } from '../../service/order-moves';
import { findOrder } from '../../service/service-orders.repository';
import { findCaller } from '../../users/caller';
import { personNames } from '../../users/users.repository';

/**
 * `orderDetail`: one order with its timeline, for whoever has a part in it (mayViewOrder: its requester,
 * whoever holds it, the grid's 网格员/网格长, and the grid's volunteers while it waits in the task hall);
 * anyone else finds none (ORDER.NOT_FOUND). Completion photos come with short-lived URLs only where they lie
 * in their uploader's 'completion' slot. 2 waves: the caller and the order; the steps' people (one users
 * read by `_id`) and the photos' URLs (one getTempFileURL) at once.
 */
export const main = defineFunction(orderDetailContract, async ({ orderId }, { caller, now }) => {
  const [me, doc] = await Promise.all([findCaller(caller), findOrder(orderId)]);
  const order = doc && orderOf(doc);
  if (!me || !doc || !order || !mayViewOrder(me.actor, order)) throw refusal('ORDER.NOT_FOUND');
  const ids = [...order.events.map((event) => event.actorId), ...(order.claimant ? [order.claimant.personId] : [])];
  const [people, photoUrls] = await Promise.all([personNames(ids), photoUrlsOf(ownCompletionPhotos(doc), now.getTime())]);
  return { order: orderDetailOf(order, me.actor, people, photoUrls) };
});
