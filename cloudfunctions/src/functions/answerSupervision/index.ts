import { answerSupervisionContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { REPORT_REFUSALS } from '../../reports/report-refusals';
import { transitionReport } from '../../reports/report-transition';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

/**
 * `answerSupervision` (回复督办): the owning staff answer the 督办 pending on a case, on its timeline, which
 * clears `supervisionPending` (REPORT.NO_SUPERVISION when none is pending).
 */
export const main = defineFunction(answerSupervisionContract, async (request, { caller, now }) => {
  const [me, report] = await Promise.all([findCaller(caller), findReport(request.reportId)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', REPORT_REFUSALS['REPORT.NOT_FOUND']);
  const at = now.getTime();
  return { report: summaryOf(await transitionReport(report, { type: 'answerSupervision', note: request.note }, me, at), at) };
});
