import { startReportContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { transitionReport } from '../../reports/report-transition';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

/** `startReport` (开始处置): the assignee (the person, or staff of the department) starts work on an assigned case. */
export const main = defineFunction(startReportContract, async (request, { caller, now }) => {
  const [me, report] = await Promise.all([findCaller(caller), findReport(request.reportId)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const at = now.getTime();
  const action = { type: 'start', ...(request.note !== undefined && { note: request.note }) } as const;
  return { report: summaryOf(await transitionReport(report, action, me, at), at) };
});
