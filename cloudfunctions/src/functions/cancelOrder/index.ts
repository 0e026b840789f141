import { cancelOrderContract, slotCounterId } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { orderViewOf } from '../../service/order-document';
import { moveOrder } from '../../service/order-moves';
import { releaseSlotPlace } from '../../service/service-slots.repository';

/**
 * `cancelOrder` (取消): the requester cancels an order nobody has taken on (booked, or in the task hall);
 * a claim or 网格下单 racing it is one conditional update too, so exactly one wins. Then the slot's place
 * is given back. 3 waves: the caller and the order; the conditional update; the counter's decrement.
 */
export const main = defineFunction(cancelOrderContract, async ({ orderId, note }, { caller, now }) => {
  const order = await moveOrder(orderId, { type: 'cancel', ...(note !== undefined && { note }) }, caller, now.getTime());
  if (order.kind === 'order' && order.serviceCode !== undefined) {
    await releaseSlotPlace(slotCounterId(order.gridCode, order.serviceCode, order.slot.key));
  }
  return { order: orderViewOf(order) };
});
