import { hasRole, type Actor } from '../people/actor';
import type { OrderEventType, ServiceOrder } from './service-order';
import type { OrderStatus } from './order-status';

/**
 * Which changes of a service order are allowed, and who may make each: the one place (docs/DESIGN.md,
 * "Service orders (居民点单)"). apply-order-transition.ts applies the table.
 *
 * Who may make a move:
 * - `requester`: the resident who booked the order (for a task posted without an order: the staff member who posted it);
 * - `gridStaff`: a 网格员 or 网格长 of the order's grid;
 * - `gridVolunteer`: a volunteer (志愿者 / 党员) approved for the order's grid (the grid in their `gridCodes`);
 * - `claimant`: whoever holds the order now (the volunteer who claimed it, or the grid worker serving it herself).
 */
export type OrderAuthority = 'requester' | 'gridStaff' | 'gridVolunteer' | 'claimant';

export type OrderMove = 'cancel' | 'dispatch' | 'serve' | 'claim' | 'withdraw' | 'complete' | 'confirm' | 'dispute' | 'settle' | 'rate';

export type OrderTransition = {
  readonly move: OrderMove;
  readonly from: OrderStatus;
  readonly to: OrderStatus;
  readonly who: OrderAuthority;
  readonly event: OrderEventType;
  /** For `settle`: the grid worker's decision this row applies. */
  readonly decision?: SettleDecision;
};

/** The grid worker's decision on a disputed order: it was done (credited), or it was not (back to the task hall). */
export type SettleDecision = 'done' | 'notDone';

/** The table: every change of an order's status, from where, to where, by whom, and the event it records. */
export const ORDER_TRANSITIONS: readonly OrderTransition[] = [
  // 取消: only while nobody has taken it on; a claim and a cancel racing are one conditional update each, so one wins.
  { move: 'cancel', from: 'booked', to: 'cancelled', who: 'requester', event: 'cancelled' },
  { move: 'cancel', from: 'posted', to: 'cancelled', who: 'requester', event: 'cancelled' },
  // 网格下单: the grid worker puts the order in the task hall, or serves it herself.
  { move: 'dispatch', from: 'booked', to: 'posted', who: 'gridStaff', event: 'dispatched' },
  { move: 'serve', from: 'booked', to: 'claimed', who: 'gridStaff', event: 'served' },
  // 党员接单: the first valid claim wins.
  { move: 'claim', from: 'posted', to: 'claimed', who: 'gridVolunteer', event: 'claimed' },
  // 退单: before the slot starts, back to the hall for someone else.
  { move: 'withdraw', from: 'claimed', to: 'posted', who: 'claimant', event: 'withdrawn' },
  { move: 'complete', from: 'claimed', to: 'completed', who: 'claimant', event: 'completed' },
  // 确认完成 credits the hours and points (the ledger is issue 12's: the event records what is owed, once).
  { move: 'confirm', from: 'completed', to: 'confirmed', who: 'requester', event: 'confirmed' },
  { move: 'dispute', from: 'completed', to: 'disputed', who: 'requester', event: 'disputed' },
  { move: 'settle', from: 'disputed', to: 'confirmed', who: 'gridStaff', event: 'settled', decision: 'done' },
  { move: 'settle', from: 'disputed', to: 'posted', who: 'gridStaff', event: 'settled', decision: 'notDone' },
  { move: 'rate', from: 'confirmed', to: 'rated', who: 'requester', event: 'rated' },
];

/** The transition a move makes from a status (for `settle`, with its decision), or undefined when the table has none. */
export function orderTransitionFor(move: OrderMove, from: OrderStatus, decision?: SettleDecision): OrderTransition | undefined {
  return ORDER_TRANSITIONS.find((row) => row.move === move && row.from === from && row.decision === decision);
}

/** Whether the table has this move from this status, whoever asks: what a page asks before it offers a button. */
export function canMakeOrderMove(move: OrderMove, status: OrderStatus): boolean {
  return ORDER_TRANSITIONS.some((row) => row.move === move && row.from === status);
}

type OrderParties = Pick<ServiceOrder, 'gridCode' | 'requesterId' | 'claimant'>;

/** Whether the actor holds the authority a move asks for. */
export function holdsOrderAuthority(who: OrderAuthority, actor: Actor, order: OrderParties): boolean {
  switch (who) {
    case 'requester':
      return actor.id === order.requesterId;
    case 'gridStaff':
      return isGridCaseStaff(actor, order.gridCode);
    case 'gridVolunteer':
      return hasRole(actor, 'volunteer') && actor.gridCodes.includes(order.gridCode);
    case 'claimant':
      return order.claimant !== undefined && actor.id === order.claimant.personId;
  }
}

/** Whether the actor is a 网格员 or 网格长 of the grid. */
export function isGridCaseStaff(actor: Actor, gridCode: string): boolean {
  return (hasRole(actor, 'gridWorker') || hasRole(actor, 'gridLeader')) && actor.gridCodes.includes(gridCode);
}
