import { withdrawReportContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { transitionReport } from '../../reports/report-transition';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

/**
 * `withdrawReport` (撤回): the reporter takes back a report before acceptance; it becomes `withdrawn`, closed
 * for good (no light, never paid). Once accepted the table has no such move (REPORT.INVALID_TRANSITION).
 */
export const main = defineFunction(withdrawReportContract, async (request, { caller, now }) => {
  const [me, report] = await Promise.all([findCaller(caller), findReport(request.reportId)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const at = now.getTime();
  const action = { type: 'withdraw', ...(request.note !== undefined && { note: request.note }) } as const;
  return { report: summaryOf(await transitionReport(report, action, me, at), at) };
});
