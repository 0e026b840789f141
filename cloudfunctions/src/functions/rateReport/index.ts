import { rateReportContract, type ReportAction } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { transitionReport } from '../../reports/report-transition';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

/**
 * `rateReport` (评价): the reporter rates a closed case, once: the rating moves it to `rated`, so a second
 * one finds no transition (REPORT.INVALID_TRANSITION).
 */
export const main = defineFunction(rateReportContract, async (request, { caller, now }) => {
  const [me, report] = await Promise.all([findCaller(caller), findReport(request.reportId)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const action: ReportAction = {
    type: 'rate',
    satisfaction: request.satisfaction,
    ...(request.comment !== undefined && { comment: request.comment }),
  };
  const at = now.getTime();
  return { report: summaryOf(await transitionReport(report, action, me, at), at) };
});
