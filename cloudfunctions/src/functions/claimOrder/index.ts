import { claimOrderContract } from '@pingan/shared';
import { notifyOrderChange } from '../../notifications/notify-order';
import { defineFunction } from '../../platform/define-function';
import { orderViewOf } from '../../service/order-document';
import { makeOrderMove } from '../../service/order-moves';

/**
 * `claimOrder` (党员接单): a volunteer of the grid takes an order or task waiting in the hall. Every claimer
 * writes conditional on the version read, so of any number racing exactly one is saved; the others read
 * it again and are refused (ORDER.INVALID_TRANSITION). 2 waves: the caller and the order; one conditional
 * update, which marks the order as owing a message (a loser: one more read). The winner then tells the
 * requester who is coming (消息 and WeChat: 3 more waves, the people by `_id` and the templates, the
 * message, the mark's clearing beside the send; notifications/notify-order.ts).
 */
export const main = defineFunction(claimOrderContract, async ({ orderId, note }, { caller, now }) => {
  const action = { type: 'claim', ...(note !== undefined && note !== '' && { note }) } as const;
  const made = await makeOrderMove(orderId, action, caller, now.getTime());
  await notifyOrderChange(made, now.getTime());
  return { order: orderViewOf(made.order) };
});
