import {
  applyOrderTransition,
  isGridCaseStaff,
  type OrderAction,
  type OrderErrorCode,
  type OrderEvent,
  type ServiceOrder,
} from '@pingan/shared';
import { AppError } from '../platform/app-error';
import type { Caller } from '../platform/define-function';
import { findCaller, type KnownCaller } from '../users/caller';
import { orderOf, type OrderDoc } from './order-document';
import { findOrder, saveOrderMove } from './service-orders.repository';

/** The Chinese sentence of each refusal of an order's move (the client shows its own for the code). */
export const ORDER_REFUSALS: Readonly<Record<OrderErrorCode, string>> = {
  'ORDER.NOT_FOUND': '没有找到这个点单',
  'ORDER.INVALID_TRANSITION': '这个点单的状态已经变了',
  'ORDER.FORBIDDEN': '这个点单不归您办理',
  'ORDER.TOO_LATE': '服务时间已到，不能再退单',
  'ORDER.PROOF_REQUIRED': '请上传服务照片并写一句说明',
  'ORDER.NOTE_REQUIRED': '请写一句说明',
  'ORDER.INVALID_RATING': '请选择 1 到 5 颗星',
  'ORDER.IDEMPOTENCY_CONFLICT': '这个点单已经提交过了',
  'ORDER.BUSY': '同时办理这个点单的人较多，请稍后再试',
};

/** A lost race is read again and decided again: the table then refuses what the winner made impossible. */
const ATTEMPTS = 3;

/**
 * Makes one move on an order as the caller: read it, decide with the shared table, save conditional on
 * the version read. Someone with no part in the order (not its requester, nor staff or a volunteer of its
 * grid) finds none. Of two moves racing from one state, exactly one is saved; the other is decided again
 * on what the winner wrote.
 */
export async function moveOrder(orderId: string, action: OrderAction, caller: Caller, now: number): Promise<ServiceOrder> {
  return (await makeOrderMove(orderId, action, caller, now)).order;
}

/** A move made: the document as read before it, the order after it, and the event it appended. */
export type OrderMoveMade = { readonly before: OrderDoc; readonly order: ServiceOrder; readonly event: OrderEvent };

/**
 * What a move may add to moveOrder: storage-only fields on its event (completion's uploader and upload key),
 * and a check run once the move is known to be allowed and before anything is written (the photos'), so
 * storage is asked only for a move that may happen.
 */
export type MoveExtras = { readonly stored?: Readonly<Record<string, string>>; readonly beforeSave?: () => Promise<void> };

/** moveOrder, answering the document read, the order and the event, for the messages that follow the move. */
export async function makeOrderMove(
  orderId: string,
  action: OrderAction,
  caller: Caller,
  now: number,
  extras: MoveExtras = {},
): Promise<OrderMoveMade> {
  const [me, first] = await Promise.all([findCaller(caller), findOrder(orderId)]);
  let doc = first;
  for (let attempt = 1; ; attempt++) {
    const decided = decideOrderMove(me, doc, action, now);
    if (attempt === 1) await extras.beforeSave?.();
    const event = { ...decided.event, ...extras.stored } as OrderEvent;
    if (await saveOrderMove(decided.before, decided.order, event)) return decided;
    if (attempt === ATTEMPTS) throw refusal('ORDER.INVALID_TRANSITION');
    doc = await findOrder(orderId);
  }
}

/** Decides a move on a stored order for the caller, or throws the refusal (an order they have no part in is none). */
export function decideOrderMove(me: KnownCaller | undefined, doc: OrderDoc | undefined, action: OrderAction, now: number): OrderMoveMade {
  const order = doc && orderOf(doc);
  if (!me || !doc || !order || !isParty(me, order)) throw refusal('ORDER.NOT_FOUND');
  const outcome = applyOrderTransition(order, action, me.actor, now);
  if (!outcome.ok) throw refusal(outcome.code);
  return { before: doc, order: outcome.order, event: outcome.event };
}

/** Whether the caller has a part in the order: its requester, staff of its grid, or a volunteer of its grid. */
function isParty({ actor }: KnownCaller, order: ServiceOrder): boolean {
  if (actor.id === order.requesterId || order.claimant?.personId === actor.id) return true;
  return isGridCaseStaff(actor, order.gridCode) || (actor.roles.includes('volunteer') && actor.gridCodes.includes(order.gridCode));
}

export function refusal(code: OrderErrorCode): AppError {
  return new AppError(code, ORDER_REFUSALS[code]);
}
