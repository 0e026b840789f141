import { handBackReportContract, type HandBackGrid, type ReportAction } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { REPORT_REFUSALS } from '../../reports/report-refusals';
import { transitionReport } from '../../reports/report-transition';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { findRegion } from '../../routing/regions.repository';
import { findCaller } from '../../users/caller';

/**
 * `handBackReport` (下派): the owning centre hands a case down to a named grid under it, with a reason
 * (shared/src/report/report-events.ts). The grid is read beside the caller and the report; a code that is
 * no place gets a path naming nothing, so the lifecycle refuses it as it refuses a place that is no grid
 * under the owner (REPORT.INVALID_HAND_BACK), and only after the caller has been found to own the case.
 */
export const main = defineFunction(handBackReportContract, async (request, { caller, now }) => {
  const [me, report, region] = await Promise.all([findCaller(caller), findReport(request.reportId), findRegion(request.gridCode)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', REPORT_REFUSALS['REPORT.NOT_FOUND']);
  const to: HandBackGrid = { code: request.gridCode, regionPath: region?.regionPath ?? { county: '' } };
  const action: ReportAction = { type: 'handBack', to, note: request.reason };
  const at = now.getTime();
  return { report: summaryOf(await transitionReport(report, action, me, at), at) };
});
