import { hallScopeOf, taskHallContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { hallItemOf } from '../../service/hall-item';
import { orderOf } from '../../service/order-document';
import { hallPage } from '../../service/task-hall.repository';
import { findCaller } from '../../users/caller';

/**
 * `taskHall` (任务大厅): the waiting tasks of the caller's grids that suit their skills (hallScopeOf), the
 * soonest first. 2 waves: the caller; one page on `serviceOrders.grid_status_slot`.
 */
export const main = defineFunction(taskHallContract, async (request, { caller, now }) => {
  const page = pageReadOf(request);
  const me = await findCaller(caller);
  const scope = me && hallScopeOf(me.actor, me.user.skills ?? [], request.gridCode);
  if (!scope) throw new AppError('AUTH.FORBIDDEN', '只有本网格的志愿者和网格员、网格长可以查看任务大厅');
  const { items, nextCursor } = await hallPage(scope, now.getTime(), page);
  return { items: items.map((doc) => hallItemOf(orderOf(doc))), nextCursor };
});
