import { rejectReportContract, mayView, type ReportAction } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { notifyReportChange } from '../../notifications/notify-report';
import { rejectReport } from '../../reports/report-follow';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

/**
 * `rejectReport`: the owning staff reject a submitted report as invalid, out of scope, or a duplicate of
 * a report they can see. No points are paid.
 */
export const main = defineFunction(rejectReportContract, async (request, { caller, now }) => {
  const duplicateOf = request.reason === 'duplicate' ? request.duplicateOf : undefined;
  const [me, report, original] = await Promise.all([
    findCaller(caller),
    findReport(request.reportId),
    duplicateOf === undefined ? undefined : findReport(duplicateOf),
  ]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  if (duplicateOf !== undefined && (!original || !mayView(me.actor, original))) {
    throw new AppError('REPORT.INVALID_DUPLICATE', '重复的原上报不存在');
  }
  const note = request.note === undefined ? {} : { note: request.note };
  const action: Extract<ReportAction, { type: 'reject' }> =
    request.reason === 'duplicate'
      ? { type: 'reject', reason: 'duplicate', duplicateOf: request.duplicateOf, ...note }
      : { type: 'reject', reason: request.reason, ...note };
  const at = now.getTime();
  const rejected = await rejectReport(report, action, me, at);
  await notifyReportChange(rejected, at);
  return { report: summaryOf(rejected, at) };
});
