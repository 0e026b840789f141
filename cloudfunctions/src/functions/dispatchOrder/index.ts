import { dispatchOrderContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { orderViewOf } from '../../service/order-document';
import { moveOrder } from '../../service/order-moves';

/**
 * `dispatchOrder` (网格下单): a 网格员/网格长 of the order's grid puts a booked order in the task hall
 * (`hall`) or serves it herself (`self`). 2 waves: the caller and the order; one conditional update.
 */
export const main = defineFunction(dispatchOrderContract, async ({ orderId, mode, note }, { caller, now }) => {
  const action = { type: mode === 'hall' ? 'dispatch' : 'serve', ...(note !== undefined && { note }) } as const;
  return { order: orderViewOf(await moveOrder(orderId, action, caller, now.getTime())) };
});
