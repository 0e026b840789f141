import { claimOrderContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { orderViewOf } from '../../service/order-document';
import { moveOrder } from '../../service/order-moves';

/**
 * `claimOrder` (党员接单): a volunteer of the grid takes an order or task waiting in the hall. Every claimer
 * writes conditional on the version read, so of any number racing exactly one is saved; the others read
 * it again and are refused (ORDER.INVALID_TRANSITION). 2 waves: the caller and the order; one conditional
 * update (a loser: one more read).
 */
export const main = defineFunction(claimOrderContract, async ({ orderId, note }, { caller, now }) => {
  const action = { type: 'claim', ...(note !== undefined && note !== '' && { note }) } as const;
  return { order: orderViewOf(await moveOrder(orderId, action, caller, now.getTime())) };
});
