import { disputeOrderContract } from '@pingan/shared';
import { notifyOrderChange } from '../../notifications/notify-order';
import { defineFunction } from '../../platform/define-function';
import { orderViewOf } from '../../service/order-document';
import { makeOrderMove } from '../../service/order-moves';

/**
 * `disputeOrder` (有异议): the requester says a completed order was not done, with a note; it waits for the
 * grid's 网格员/网格长 to settle it, and they and whoever served it are told. Waves: the caller and the
 * order; the conditional update, marking the order; the people, the grid's staff and the templates at once;
 * the messages; the mark's clearing beside the WeChat sends.
 */
export const main = defineFunction(disputeOrderContract, async ({ orderId, note }, { caller, now }) => {
  const made = await makeOrderMove(orderId, { type: 'dispute', note: note ?? '' }, caller, now.getTime());
  await notifyOrderChange(made, now.getTime());
  return { order: orderViewOf(made.order) };
});
