import { REPORT_STATUSES, inboxContract, isOpen, inboxPlacesOf } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { inboxItemOf } from '../../reports/report-views';
import { reportsOwnedBy } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

const OPEN_STATUSES = REPORT_STATUSES.filter(isOpen);

/**
 * `inbox`: the cases owned by the grids a 网格员/网格长 works (or a centre's region), open ones unless a
 * status is asked for, the nearest deadline first, with their lights.
 */
export const main = defineFunction(inboxContract, async (request, { caller, now }) => {
  const me = await findCaller(caller);
  const places = me ? inboxPlacesOf(me.actor) : [];
  if (places.length === 0) throw new AppError('AUTH.FORBIDDEN', '只有网格员、网格长和综治中心有待办');
  const statuses = request.status === undefined || request.status === 'open' ? OPEN_STATUSES : [request.status];
  const page = await reportsOwnedBy(places, statuses, pageReadOf(request));
  return { items: page.items.map((row) => inboxItemOf(row, now.getTime())), nextCursor: page.nextCursor };
});
