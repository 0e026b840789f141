import { hasRole, type Actor } from '../people/actor';
import { isGridCaseStaff } from './order-transitions';
import type { ServiceOrder } from './service-order';

/**
 * Who may read one order with its timeline (orderDetail): whoever has a part in it — its requester, whoever
 * holds it now, a 网格员/网格长 of its grid — and a volunteer of its grid while it waits in the task hall
 * (`posted`), to decide whether to take it. Once someone else holds it, the other volunteers no longer see it.
 */
export function mayViewOrder(actor: Actor, order: Pick<ServiceOrder, 'requesterId' | 'claimant' | 'gridCode' | 'status'>): boolean {
  if (actor.id === order.requesterId || actor.id === order.claimant?.personId) return true;
  if (isGridCaseStaff(actor, order.gridCode)) return true;
  return order.status === 'posted' && hasRole(actor, 'volunteer') && actor.gridCodes.includes(order.gridCode);
}
