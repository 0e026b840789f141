import { applyOrderTransition, isGridCaseStaff, type OrderAction, type OrderErrorCode, type ServiceOrder } from '@pingan/shared';
import { AppError } from '../platform/app-error';
import type { Caller } from '../platform/define-function';
import { findCaller, type KnownCaller } from '../users/caller';
import { orderOf } from './order-document';
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
  const [me, first] = await Promise.all([findCaller(caller), findOrder(orderId)]);
  let doc = first;
  for (let attempt = 1; ; attempt++) {
    const order = doc && orderOf(doc);
    if (!me || !doc || !order || !isParty(me, order)) throw refusal('ORDER.NOT_FOUND');
    const outcome = applyOrderTransition(order, action, me.actor, now);
    if (!outcome.ok) throw refusal(outcome.code);
    if (await saveOrderMove(doc, outcome.order, outcome.event)) return outcome.order;
    if (attempt === ATTEMPTS) throw refusal('ORDER.INVALID_TRANSITION');
    doc = await findOrder(orderId);
  }
}

/** Whether the caller has a part in the order: its requester, staff of its grid, or a volunteer of its grid. */
function isParty({ actor }: KnownCaller, order: ServiceOrder): boolean {
  if (actor.id === order.requesterId || order.claimant?.personId === actor.id) return true;
  return isGridCaseStaff(actor, order.gridCode) || (actor.roles.includes('volunteer') && actor.gridCodes.includes(order.gridCode));
}

export function refusal(code: OrderErrorCode): AppError {
  return new AppError(code, ORDER_REFUSALS[code]);
}
