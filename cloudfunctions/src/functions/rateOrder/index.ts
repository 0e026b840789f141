import { rateOrderContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { orderViewOf } from '../../service/order-document';
import { moveOrder } from '../../service/order-moves';

/**
 * `rateOrder` (评价): the requester rates a confirmed order once, 1 to 5, with an optional comment. 2 waves:
 * the caller and the order; the conditional update. Nobody is told.
 */
export const main = defineFunction(rateOrderContract, async ({ orderId, satisfaction, comment }, { caller, now }) => {
  const action = { type: 'rate', satisfaction, ...(comment !== undefined && { comment }) } as const;
  return { order: orderViewOf(await moveOrder(orderId, action, caller, now.getTime())) };
});
