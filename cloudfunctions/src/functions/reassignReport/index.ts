import { reassignReportContract, type ReportAction } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { assertMayBeAssigned } from '../../reports/report-assignment';
import { decide, transitionReport } from '../../reports/report-transition';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

/**
 * `reassignReport` (改派): an assigned or started case goes to someone else who may receive it (as for
 * 派单), with a reason, by whoever may hand cases out; the lifecycle answers first, so nobody learns of
 * users or departments through a case they may not touch. The clock is not restarted.
 */
export const main = defineFunction(reassignReportContract, async (request, { caller, now }) => {
  const [me, report] = await Promise.all([findCaller(caller), findReport(request.reportId)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const action: ReportAction = { type: 'reassign', to: request.to, reason: request.reason };
  const at = now.getTime();
  const { before } = decide(report, action, me, at);
  await assertMayBeAssigned(request.to, before);
  return { report: summaryOf(await transitionReport(before, action, me, at), at) };
});
