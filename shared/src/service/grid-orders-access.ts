import { hasRole, type Actor } from '../people/actor';
import type { RegionPath } from '../grid/grid-tree';
import type { OrderStatus } from './order-status';
import { isGridCaseStaff } from './order-transitions';

/**
 * Who may list a grid's service orders (the staff's 网格下单 list): its 网格员 and 网格长, who dispatch them,
 * and the centre of its community, which runs the grid's catalogue. Street and county centres do not.
 */
export function mayListGridOrders(actor: Actor, grid: { readonly code: string; readonly regionPath: RegionPath }): boolean {
  if (isGridCaseStaff(actor, grid.code)) return true;
  const centre = hasRole(actor, 'centre') ? actor.centre : undefined;
  return centre?.level === 'community' && grid.regionPath.community === centre.regionCode;
}

/**
 * What waits on a grid's staff (docs/DESIGN.md, "Service orders (居民点单)"): a booking to dispatch (网格下单 or
 * 我来服务) and a dispute to settle (裁定). Their list puts these first, the soonest slot first, then the rest
 * newest first.
 */
export const STAFF_ATTENTION_STATUSES = ['booked', 'disputed'] as const satisfies readonly OrderStatus[];
