import { verifyReportContract, type ReportAction } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { notifyReportChange } from '../../notifications/notify-report';
import { transitionReport } from '../../reports/report-transition';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

/**
 * `verifyReport` (核查): the grid's 网格长 or a centre at or above the owner closes a resolved case (结案) or
 * sends it back (返工, with a note). Never the resolver (REPORT.SELF_VERIFY); who may is the lifecycle's rule.
 */
export const main = defineFunction(verifyReportContract, async (request, { caller, now }) => {
  const [me, report] = await Promise.all([findCaller(caller), findReport(request.reportId)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const action: ReportAction =
    request.decision === 'close'
      ? { type: 'close', ...(request.note !== undefined && { note: request.note }) }
      : { type: 'rework', note: request.note ?? '' };
  const at = now.getTime();
  const verified = await transitionReport(report, action, me, at);
  await notifyReportChange(verified, at); // 结案 tells the reporter (and asks for a rating); 返工 tells nobody
  return { report: summaryOf(verified, at) };
});
