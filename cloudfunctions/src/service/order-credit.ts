import { serviceCreditEntry, type OrderAction } from '@pingan/shared';
import type { Caller } from '../platform/define-function';
import { inTransaction, TransactionBusyError } from '../platform/sdk';
import { writeServiceCreditIn } from '../points/points-ledger.repository';
import { findCaller } from '../users/caller';
import { decideOrderMove, refusal, type OrderMoveMade } from './order-moves';
import { findOrder, findOrderIn, saveOrderMoveIn } from './service-orders.repository';

/**
 * 确认完成, or 裁定 done: the move that owes the volunteer their minutes and points, made with the credit
 * in one transaction — the order read, moved to confirmed, and the ledger entry `service:<orderId>`
 * written (none for a grid worker who served it herself). Of two confirms at once (a double tap, two
 * devices, a confirm and the grid worker's settle) one commits; the other conflicts, runs again, reads the
 * confirmed order and is refused by the table; and a second credit of one order would collide on its id
 * and roll its move back. So the volunteer is credited exactly once. The move is decided first outside the
 * transaction (with the caller, in one round trip), so a refusal answers early and writes nothing.
 * Waves: the caller and the order; the transaction (its read, the update and the entry, the commit).
 */
export async function moveOrderCrediting(orderId: string, action: OrderAction, caller: Caller, now: number): Promise<OrderMoveMade> {
  const [me, seen] = await Promise.all([findCaller(caller), findOrder(orderId)]);
  decideOrderMove(me, seen, action, now);
  try {
    return await inTransaction(async (tx) => {
      const made = decideOrderMove(me, await findOrderIn(tx, orderId), action, now);
      await saveOrderMoveIn(tx, made.before, made.order, made.event);
      const credit = made.event.credit;
      if (credit) await writeServiceCreditIn(tx, serviceCreditEntry(orderId, credit, now));
      return made;
    });
  } catch (error) {
    if (error instanceof TransactionBusyError) throw refusal('ORDER.BUSY');
    throw error;
  }
}
