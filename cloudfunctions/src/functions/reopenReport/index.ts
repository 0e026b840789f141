import { reopenReportContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { transitionReport } from '../../reports/report-transition';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

/**
 * `reopenReport` (不满意，申请重新办理): the reporter of a case rated 不满意 sends it back to `resolved`, where the
 * verifier closes it again or sends it back for rework; once, within 7 days of the close (REPORT.CANNOT_REOPEN).
 */
export const main = defineFunction(reopenReportContract, async (request, { caller, now }) => {
  const [me, report] = await Promise.all([findCaller(caller), findReport(request.reportId)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const at = now.getTime();
  return { report: summaryOf(await transitionReport(report, { type: 'reopen', note: request.note }, me, at), at) };
});
