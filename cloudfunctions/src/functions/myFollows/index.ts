import { myFollowsContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { followedItemOf } from '../../reports/report-follow-views';
import { followedReports, followsOf } from '../../reports/report-follows.repository';
import { findCaller } from '../../users/caller';

/** `myFollows`: the reports the caller follows, the latest followed first, a page at a time. */
export const main = defineFunction(myFollowsContract, async (request, { caller, now }) => {
  const read = pageReadOf(request);
  const me = await findCaller(caller);
  if (!me) return { items: [], nextCursor: null };
  const page = await followsOf(me.actor.id, read);
  const reports = await followedReports(page.items.map((item) => item.reportId));
  const items = page.items.flatMap((item) => {
    const report = reports.get(item.reportId);
    return report ? [followedItemOf(report, item.at, now.getTime())] : [];
  });
  return { items, nextCursor: page.nextCursor };
});
