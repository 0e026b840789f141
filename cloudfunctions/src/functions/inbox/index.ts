import { REPORT_STATUSES, inboxContract, isOpen } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { DEFAULT_PAGE_SIZE, decodeCursor, pageOf } from '../../platform/page-cursor';
import { inboxItemOf } from '../../reports/report-views';
import { inboxPlacesOf } from '../../reports/report-visibility';
import { reportsOwnedBy } from '../../reports/reports.repository';
import { actorOf } from '../../users/user-document';
import { findUserByOpenid } from '../../users/users.repository';

const OPEN_STATUSES = REPORT_STATUSES.filter(isOpen);

/**
 * `inbox`: the cases owned by the grids a 网格员/网格长 works (or a centre's region), open ones unless a
 * status is asked for, the nearest deadline first, with their lights.
 */
export const main = defineFunction(inboxContract, async (request, { caller, now }) => {
  const user = await findUserByOpenid(caller.openid);
  const places = user ? inboxPlacesOf(actorOf(user)) : [];
  if (places.length === 0) throw new AppError('AUTH.FORBIDDEN', '只有网格员、网格长和综治中心有待办');
  const limit = request.limit ?? DEFAULT_PAGE_SIZE;
  const after = decodeCursor(request.cursor);
  const statuses = request.status === undefined ? OPEN_STATUSES : [request.status];
  const rows = await reportsOwnedBy(places, statuses, { limit, ...(after && { after }) });
  const page = pageOf(rows, limit, (row) => [row.deadlineAt, row._id]);
  return { items: page.items.map((row) => inboxItemOf(row, now.getTime())), nextCursor: page.nextCursor };
});
