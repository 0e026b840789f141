import { myTasksContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { hallItemOf } from '../../service/hall-item';
import { tasksOfClaimant } from '../../service/my-tasks.repository';
import { orderOf } from '../../service/order-document';
import { findCaller } from '../../users/caller';

/**
 * `myTasks` (我的任务): the orders and tasks the caller holds, those still open the soonest first, then
 * those credited the latest first; someone without a record holds none. 2 waves: the caller; one page on
 * `serviceOrders.claimant_status_slot` (≤ 2 reads of ≤ limit + 1 documents where the page crosses the parts).
 */
export const main = defineFunction(myTasksContract, async (request, { caller }) => {
  const page = pageReadOf(request);
  const me = await findCaller(caller);
  if (!me) return { items: [], nextCursor: null };
  const { items, nextCursor } = await tasksOfClaimant(me.actor.id, page);
  return { items: items.map((doc) => hallItemOf(orderOf(doc))), nextCursor };
});
