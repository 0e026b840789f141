import { confirmOrderContract } from '@pingan/shared';
import { notifyOrderChange } from '../../notifications/notify-order';
import { defineFunction } from '../../platform/define-function';
import { moveOrderCrediting } from '../../service/order-credit';
import { orderViewOf } from '../../service/order-document';

/**
 * `confirmOrder` (确认完成): the requester confirms the service was done; the volunteer who did it is
 * credited the order's minutes and points once (`service:<orderId>` in the same transaction as the move:
 * service/order-credit.ts), a grid worker who served it herself nothing. Then whoever served it is told.
 */
export const main = defineFunction(confirmOrderContract, async ({ orderId }, { caller, now }) => {
  const made = await moveOrderCrediting(orderId, { type: 'confirm' }, caller, now.getTime());
  await notifyOrderChange(made, now.getTime());
  return { order: orderViewOf(made.order) };
});
