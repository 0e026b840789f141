import { gridOrdersContract, mayListGridOrders } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { findRegion } from '../../routing/regions.repository';
import { ordersOfGrid, staffOrdersOfGrid } from '../../service/grid-orders.repository';
import { orderOf, orderViewOf } from '../../service/order-document';
import { personNames } from '../../users/users.repository';
import { findCaller } from '../../users/caller';

/**
 * `gridOrders` (网格下单 list): a grid's orders in one status, newest first, or all of them booked and
 * disputed first (staffOrdersOfGrid), for its 网格员/网格长 and its community's centre, each with who booked
 * it. 3 waves: the caller and the grid's place; one page on `grid_status_time` (≤ limit + 1 documents; all:
 * `grid_status_slot` then `grid_status_time`, ≤ 2 reads where the page crosses them); the requesters' names.
 */
export const main = defineFunction(gridOrdersContract, async (request, { caller }) => {
  const [me, grid] = await Promise.all([findCaller(caller), findRegion(request.gridCode)]);
  if (!me || !grid || grid.level !== 'grid' || !mayListGridOrders(me.actor, grid)) {
    throw new AppError('AUTH.FORBIDDEN', '只有本网格的网格员、网格长和本社区综治中心可以查看网格的点单');
  }
  const read = pageReadOf(request);
  const page = request.status ? await ordersOfGrid(grid.code, request.status, read) : await staffOrdersOfGrid(grid.code, read);
  const orders = page.items.map(orderOf);
  const names = new Map((await personNames(orders.map((order) => order.requesterId))).map((person) => [person._id, person.name]));
  const items = orders.map((order) => {
    const requesterName = names.get(order.requesterId);
    return { ...orderViewOf(order), ...(requesterName !== undefined && { requesterName }) };
  });
  return { items, nextCursor: page.nextCursor };
});
