import { myHandledContract, shanghaiWeekStart } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { casesResolvedBy } from '../../reports/case-queries.repository';
import { summaryOf } from '../../reports/report-views';
import { findCaller } from '../../users/caller';

/**
 * `myHandled`: the cases the caller resolved (办结) since `since` (this Asia/Shanghai week by default),
 * latest first. Round trips: the caller, the page (index resolver_time). Someone who never resolved a
 * case — a resident included — gets an empty list: it is only ever their own work.
 */
export const main = defineFunction(myHandledContract, async (request, { caller, now }) => {
  const since = request.since ?? shanghaiWeekStart(now.getTime());
  const me = await findCaller(caller);
  if (!me) return { items: [], nextCursor: null, since };
  const page = await casesResolvedBy(me.user._id, since, pageReadOf(request));
  const items = page.items.map((doc) => ({ ...summaryOf(doc, now.getTime()), resolvedAt: doc.resolvedAt as number }));
  return { items, nextCursor: page.nextCursor, since };
});
