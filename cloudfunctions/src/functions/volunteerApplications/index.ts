import { isGridCaseStaff, volunteerApplicationsContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { applicationsOfGrid } from '../../service/volunteer-applications.repository';
import { applicationViewOf } from '../../service/volunteer-registration';
import { findCaller } from '../../users/caller';

/**
 * `volunteerApplications`: a grid's 网格报到 applications for its 网格员 and 网格长, pending first (the longest
 * waiting first), then the latest decided. 2 waves: the caller; one page on `grid_list` (≤ limit + 1 read).
 */
export const main = defineFunction(volunteerApplicationsContract, async (request, { caller }) => {
  const page = pageReadOf(request);
  const me = await findCaller(caller);
  if (!me || !isGridCaseStaff(me.actor, request.gridCode)) throw new AppError('AUTH.FORBIDDEN', '只有本网格的网格员、网格长可以查看');
  const { items, nextCursor } = await applicationsOfGrid(request.gridCode, page);
  return { items: items.map(applicationViewOf), nextCursor };
});
