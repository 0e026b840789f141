import { settleOrderContract, type OrderAction } from '@pingan/shared';
import { notifyOrderChange } from '../../notifications/notify-order';
import { defineFunction } from '../../platform/define-function';
import { moveOrderCrediting } from '../../service/order-credit';
import { orderViewOf } from '../../service/order-document';
import { makeOrderMove } from '../../service/order-moves';

/**
 * `settleOrder` (裁定): a 网格员/网格长 of the order's grid decides a disputed order. Done: confirmed, and its
 * volunteer credited once, as confirmOrder does (one transaction with the credit); not done: back to the
 * task hall with its claimant cleared (one conditional update). The requester and whoever served it are told.
 */
export const main = defineFunction(settleOrderContract, async ({ orderId, decision, note }, { caller, now }) => {
  const action: OrderAction = { type: 'settle', decision, note: note ?? '' };
  const made =
    decision === 'done'
      ? await moveOrderCrediting(orderId, action, caller, now.getTime())
      : await makeOrderMove(orderId, action, caller, now.getTime());
  await notifyOrderChange(made, now.getTime());
  return { order: orderViewOf(made.order) };
});
