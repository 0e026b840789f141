import { assignReportContract, type ReportAction } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { assertMayBeAssigned } from '../../reports/report-assignment';
import { decide, transitionReport } from '../../reports/report-transition';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

/**
 * `assignReport` (派单): an accepted case goes to a 网格员/网格长 of its grid, or to one of its co-handling
 * departments. Who may assign is the table's `dispatcher` (a 网格员 only himself); the lifecycle answers
 * first, so nobody learns of users or departments through a case they may not touch.
 */
export const main = defineFunction(assignReportContract, async (request, { caller, now }) => {
  const [me, report] = await Promise.all([findCaller(caller), findReport(request.reportId)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const action: ReportAction = { type: 'assign', to: request.to, ...(request.note !== undefined && { note: request.note }) };
  const at = now.getTime();
  const { before } = decide(report, action, me, at);
  await assertMayBeAssigned(request.to, before);
  return { report: summaryOf(await transitionReport(before, action, me, at), at) };
});
