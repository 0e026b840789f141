import { supervisionListContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { supervisionItemsOf, supervisionListPage } from '../../reports/supervision-list.repository';
import { findCaller } from '../../users/caller';

/**
 * `supervisionList` (督办清单): the calling centre's list — open cases owned one level below its region
 * that are red on a running clock or hold an unanswered 督办 note — the longest listed first, a page at a
 * time. Round trips: the caller; the page (index supervisor_listed, ≤ limit + 1 documents); the
 * assignees' names.
 */
export const main = defineFunction(supervisionListContract, async (request, { caller, now }) => {
  const me = await findCaller(caller);
  const centre = me?.actor.roles.includes('centre') ? me.actor.centre : undefined;
  if (!centre) throw new AppError('AUTH.FORBIDDEN', '只有综治中心有督办清单');
  const at = now.getTime();
  const page = await supervisionListPage(centre.regionCode, at, pageReadOf(request));
  return {
    centre: { code: centre.regionCode, level: centre.level },
    items: await supervisionItemsOf(page.items, at),
    nextCursor: page.nextCursor,
  };
});
