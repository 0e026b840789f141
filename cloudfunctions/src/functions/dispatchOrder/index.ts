import { dispatchOrderContract } from '@pingan/shared';
import { notifyOrderChange } from '../../notifications/notify-order';
import { defineFunction } from '../../platform/define-function';
import { orderViewOf } from '../../service/order-document';
import { makeOrderMove } from '../../service/order-moves';

/**
 * `dispatchOrder` (网格下单): a 网格员/网格长 of the order's grid puts a booked order in the task hall
 * (`hall`) or serves it herself (`self`). 2 waves: the caller and the order; one conditional update. Serving
 * it herself, she is who is coming: the requester is told (3 more waves: the people by `_id` and the
 * templates, the message, the mark's clearing beside the WeChat send).
 */
export const main = defineFunction(dispatchOrderContract, async ({ orderId, mode, note }, { caller, now }) => {
  const action = { type: mode === 'hall' ? 'dispatch' : 'serve', ...(note !== undefined && { note }) } as const;
  const made = await makeOrderMove(orderId, action, caller, now.getTime());
  await notifyOrderChange(made, now.getTime());
  return { order: orderViewOf(made.order) };
});
