import {
  DUPLICATE_WINDOW_DAYS,
  duplicateCandidatesContract,
  duplicateCandidatesOf,
  duplicateSearchOf,
  hasInbox,
  isOwnerStaff,
  mayView,
} from '@pingan/shared';
import { listCategories } from '../../catalog/categories.repository';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { reportsNear } from '../../reports/duplicate-candidates.repository';
import { reportOf } from '../../reports/report-document';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

/**
 * `duplicateCandidates`: for the staff who own a report (as for 受理 / 不予受理), the reports of its
 * category near it that it may repeat, so that 重复上报 is a tap on the original instead of its id typed.
 * Someone with no cases of their own is refused outright (AUTH.FORBIDDEN, as `inbox` does); a report
 * the caller may not see does not exist for them; one they see but do not own is REPORT.FORBIDDEN.
 */
export const main = defineFunction(duplicateCandidatesContract, async (request, { caller, now }) => {
  const at = now.getTime();
  const [me, report, categories] = await Promise.all([findCaller(caller), findReport(request.reportId), listCategories(at)]);
  const actor = me?.actor;
  if (!actor || !hasInbox(actor)) throw new AppError('AUTH.FORBIDDEN', '只有网格员、网格长和综治中心能查重复上报');
  if (!report || !mayView(actor, report)) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  if (!isOwnerStaff(actor, report)) throw new AppError('REPORT.FORBIDDEN', '这条上报不归你处理');
  const radiusM = categories.find((category) => category.code === report.categoryCode)?.duplicateRadiusM ?? 0;
  const search = duplicateSearchOf(reportOf(report), radiusM, at);
  const answer = { radiusM, windowDays: DUPLICATE_WINDOW_DAYS };
  if ('none' in search) return { ...answer, candidates: [], none: search.none };
  return { ...answer, candidates: duplicateCandidatesOf(search, await reportsNear(search), actor) };
});
