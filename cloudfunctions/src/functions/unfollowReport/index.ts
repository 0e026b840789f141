import { unfollowReportContract } from '@pingan/shared';
import { listCategories } from '../../catalog/categories.repository';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { unfollow } from '../../reports/report-follow';
import { findCaller } from '../../users/caller';

/** `unfollowReport` (取消关注): the caller stops following; the follow and one of the count go together. */
export const main = defineFunction(unfollowReportContract, async (request, { caller, now }) => {
  const at = now.getTime();
  const [me, categories] = await Promise.all([findCaller(caller), listCategories(at)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const radiusOf = (code: string) => categories.find((category) => category.code === code)?.duplicateRadiusM ?? 0;
  return unfollow(request.reportId, me, radiusOf);
});
