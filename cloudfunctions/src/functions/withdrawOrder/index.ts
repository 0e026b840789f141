import { withdrawOrderContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { orderViewOf } from '../../service/order-document';
import { moveOrder } from '../../service/order-moves';

/**
 * `withdrawOrder` (退单): the claimant gives the order back to the task hall before its slot starts
 * (ORDER.TOO_LATE after). 2 waves: the caller and the order; one conditional update.
 */
export const main = defineFunction(withdrawOrderContract, async ({ orderId, note }, { caller, now }) => {
  const action = { type: 'withdraw', ...(note !== undefined && note !== '' && { note }) } as const;
  return { order: orderViewOf(await moveOrder(orderId, action, caller, now.getTime())) };
});
