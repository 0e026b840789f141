import { informantApplicationsContract, isGridCaseStaff } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { informantApplicationsOfGrid } from '../../points/informant-applications.repository';
import { informantViewOf } from '../../points/informant-registration';
import { findRegion } from '../../routing/regions.repository';
import { findCaller } from '../../users/caller';

/**
 * `informantApplications`: a grid's 信息员 applications for its 网格员 and 网格长, pending first (the longest
 * waiting first), then the latest decided. 2 waves: the caller and the grid's place; one page on
 * `grid_list` (≤ limit + 1 read).
 */
export const main = defineFunction(informantApplicationsContract, async (request, { caller }) => {
  const page = pageReadOf(request);
  const [me, grid] = await Promise.all([findCaller(caller), findRegion(request.gridCode)]);
  if (!me || !isGridCaseStaff(me.actor, request.gridCode)) throw new AppError('AUTH.FORBIDDEN', '只有本网格的网格员、网格长可以查看');
  const { items, nextCursor } = await informantApplicationsOfGrid(request.gridCode, page);
  return { items: items.map((doc) => informantViewOf(doc, grid?.name ?? request.gridCode)), nextCursor };
});
