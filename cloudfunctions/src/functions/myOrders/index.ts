import { myOrdersContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { orderOf, orderViewOf } from '../../service/order-document';
import { ordersOfRequester } from '../../service/service-orders.repository';

/** `myOrders` (我的点单): the caller's orders by their openid alone, newest first, one page on `requester_time`. */
export const main = defineFunction(myOrdersContract, async (request, { caller }) => {
  const page = await ordersOfRequester(caller.openid, pageReadOf(request));
  return { items: page.items.map((doc) => orderViewOf(orderOf(doc))), nextCursor: page.nextCursor };
});
