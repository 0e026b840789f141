import { escalateReportContract, hasText, type ReportAction } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { REPORT_REFUSALS } from '../../reports/report-refusals';
import { decide, transitionReport } from '../../reports/report-transition';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

/**
 * `escalateReport` (上报上级): the owning staff move an open case one level up its region path, where it is
 * accepted afresh, unassigned, its timeline kept (shared/src/report/report-events.ts). The lifecycle answers
 * first, so a blank reason is refused only to someone who may escalate the case.
 */
export const main = defineFunction(escalateReportContract, async (request, { caller, now }) => {
  const [me, report] = await Promise.all([findCaller(caller), findReport(request.reportId)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', REPORT_REFUSALS['REPORT.NOT_FOUND']);
  const action: ReportAction = { type: 'escalate', note: request.reason };
  const at = now.getTime();
  const { before } = decide(report, action, me, at);
  if (!hasText(request.reason)) throw new AppError('REPORT.NOTE_REQUIRED', REPORT_REFUSALS['REPORT.NOTE_REQUIRED']);
  return { report: summaryOf(await transitionReport(before, action, me, at), at) };
});
