import { followReportContract } from '@pingan/shared';
import { listCategories } from '../../catalog/categories.repository';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { follow } from '../../reports/report-follow';
import { findCaller } from '../../users/caller';

/**
 * `followReport` (我也遇到): the caller follows an open report of someone else's, one 我也遇到 could show
 * them; its supportCount rises by one with the follow, in one transaction. Twice is once; it earns nothing.
 */
export const main = defineFunction(followReportContract, async (request, { caller, now }) => {
  const at = now.getTime();
  const [me, categories] = await Promise.all([findCaller(caller), listCategories(at)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const radiusOf = (code: string) => categories.find((category) => category.code === code)?.duplicateRadiusM ?? 0;
  return follow(request.reportId, me, radiusOf, at);
});
