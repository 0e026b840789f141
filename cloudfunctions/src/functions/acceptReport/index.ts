import { acceptReportContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { notifyReportChange } from '../../notifications/notify-report';
import { acceptAsValid } from '../../reports/report-acceptance';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { pointsRules } from '../../catalog/settings.repository';
import { findCaller } from '../../users/caller';

/** `acceptReport` (受理): the owning staff accept a submitted report as valid; its reporter is paid once. */
export const main = defineFunction(acceptReportContract, async (request, { caller, now }) => {
  const [me, rules, seen] = await Promise.all([findCaller(caller), pointsRules(), findReport(request.reportId)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const at = now.getTime();
  const accepted = await acceptAsValid({ reportId: request.reportId, seen, note: request.note, caller: me, rules, now: at });
  await notifyReportChange(accepted, at);
  return { report: summaryOf(accepted, at) };
});
