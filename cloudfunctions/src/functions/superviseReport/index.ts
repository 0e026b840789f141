import { superviseReportContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { REPORT_REFUSALS } from '../../reports/report-refusals';
import { transitionReport } from '../../reports/report-transition';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

/**
 * `superviseReport` (督办): a centre strictly above the owning level leaves a note on an open case; the case
 * carries `supervisionPending` until its owner answers (answerSupervision). Status and clock are untouched.
 */
export const main = defineFunction(superviseReportContract, async (request, { caller, now }) => {
  const [me, report] = await Promise.all([findCaller(caller), findReport(request.reportId)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', REPORT_REFUSALS['REPORT.NOT_FOUND']);
  const at = now.getTime();
  return { report: summaryOf(await transitionReport(report, { type: 'supervise', note: request.note }, me, at), at) };
});
