import type { ErrorCode } from '../contracts/error-codes';
import type { Actor } from '../people/actor';
import { hasText, noteOf } from '../report/report-note';
import { holdsOrderAuthority, orderTransitionFor, type OrderTransition, type SettleDecision } from './order-transitions';
import type { OrderClaimant, OrderCredit, OrderEvent, OrderRating, ServiceOrder } from './service-order';

/** What an actor asks to do to a service order: one move of the table (order-transitions.ts). */
export type OrderAction =
  | { readonly type: 'cancel'; readonly note?: string }
  | { readonly type: 'dispatch'; readonly note?: string }
  | { readonly type: 'serve'; readonly note?: string }
  | { readonly type: 'claim'; readonly note?: string }
  | { readonly type: 'withdraw'; readonly note?: string }
  | { readonly type: 'complete'; readonly note: string; readonly photos: readonly string[] }
  | { readonly type: 'confirm' }
  | { readonly type: 'dispute'; readonly note: string }
  | { readonly type: 'settle'; readonly decision: SettleDecision; readonly note: string }
  | { readonly type: 'rate'; readonly satisfaction: number; readonly comment?: string };

export type OrderErrorCode = Extract<ErrorCode, `ORDER.${string}`>;

/** An action either yields the next order and the event it appended, or says why not with a stable code. */
export type OrderOutcome =
  { readonly ok: true; readonly order: ServiceOrder; readonly event: OrderEvent } | { readonly ok: false; readonly code: OrderErrorCode };

/**
 * Applies an action by an actor at `now` (epoch ms): the table first (`ORDER.INVALID_TRANSITION`), then who
 * may act (`ORDER.FORBIDDEN`), then what the action must carry; on success the order has the event appended.
 */
export function applyOrderTransition(order: ServiceOrder, action: OrderAction, actor: Actor, now: number): OrderOutcome {
  const transition = orderTransitionFor(action.type, order.status, action.type === 'settle' ? action.decision : undefined);
  if (!transition) return { ok: false, code: 'ORDER.INVALID_TRANSITION' };
  if (!holdsOrderAuthority(transition.who, actor, order)) return { ok: false, code: 'ORDER.FORBIDDEN' };
  const problem = problemWith(action, order, now);
  if (problem) return { ok: false, code: problem };
  const changes = changesOf(action, actor, order);
  const event: OrderEvent = { ...eventOf(transition, action, actor, now), ...changes.recorded, seq: order.events.length + 1 };
  const next: ServiceOrder = { ...order, ...changes.order, status: transition.to, events: [...order.events, event] };
  return { ok: true, order: withoutUndefined(next), event };
}

/** What the action lacks or breaks beyond the table and the authority, if anything. */
function problemWith(action: OrderAction, order: ServiceOrder, now: number): OrderErrorCode | undefined {
  switch (action.type) {
    case 'withdraw':
      // 退单 only before the slot starts: after that the resident is waiting at the door.
      return now < order.slot.startsAt ? undefined : 'ORDER.TOO_LATE';
    case 'complete':
      return action.photos.length > 0 && hasText(action.note) ? undefined : 'ORDER.PROOF_REQUIRED';
    case 'dispute':
    case 'settle':
      return hasText(action.note) ? undefined : 'ORDER.NOTE_REQUIRED';
    case 'rate':
      return Number.isInteger(action.satisfaction) && action.satisfaction >= 1 && action.satisfaction <= 5
        ? undefined
        : 'ORDER.INVALID_RATING';
    default:
      return undefined;
  }
}

function eventOf(transition: OrderTransition, action: OrderAction, actor: Actor, now: number): Omit<OrderEvent, 'seq'> {
  const event = { type: transition.event, at: now, actorId: actor.id, status: transition.to };
  switch (action.type) {
    case 'complete':
      return { ...event, ...noteOf(action.note), photos: [...action.photos] };
    case 'settle':
      return { ...event, ...noteOf(action.note), decision: action.decision };
    case 'confirm':
    case 'rate':
      return event;
    default:
      return { ...event, ...noteOf(action.note) };
  }
}

type Changes = { readonly order: Partial<ServiceOrder>; readonly recorded: Partial<OrderEvent> };

function changesOf(action: OrderAction, actor: Actor, order: ServiceOrder): Changes {
  switch (action.type) {
    case 'serve':
      return claimedBy({ personId: actor.id, as: 'staff' });
    case 'claim':
      return claimedBy({ personId: actor.id, as: 'volunteer' });
    case 'withdraw':
      return { order: { claimant: undefined }, recorded: {} };
    case 'confirm':
      return credited(order);
    case 'settle':
      return action.decision === 'done' ? credited(order) : { order: { claimant: undefined }, recorded: {} };
    case 'rate': {
      const rating: OrderRating = { satisfaction: action.satisfaction, ...(hasText(action.comment) && { comment: action.comment }) };
      return { order: { rating }, recorded: { rating } };
    }
    default:
      return { order: {}, recorded: {} };
  }
}

function claimedBy(claimant: OrderClaimant): Changes {
  return { order: { claimant }, recorded: { claimant } };
}

/**
 * What confirming owes: the volunteer who did it gets the order's minutes and points, recorded on the order
 * and its event for the ledger to credit once; a grid worker who served it herself is owed nothing.
 */
function credited(order: ServiceOrder): Changes {
  const claimant = order.claimant;
  if (!claimant || claimant.as !== 'volunteer') return { order: {}, recorded: {} };
  const credit: OrderCredit = { personId: claimant.personId, minutes: order.terms.minutes, points: order.terms.points };
  return { order: { credit }, recorded: { credit } };
}

function withoutUndefined(order: ServiceOrder): ServiceOrder {
  return Object.fromEntries(Object.entries(order).filter(([, value]) => value !== undefined)) as ServiceOrder;
}
