import { acceptReportContract } from '@pingan/shared';
import { AppError } from '../../lib/app-error';
import { defineFunction } from '../../lib/define-function';
import { acceptAsValid } from '../../lib/report-acceptance';
import { summaryOf } from '../../lib/report-views';
import { findReport } from '../../lib/reports.repository';
import { pointsRules } from '../../lib/settings.repository';
import { findUserByOpenid } from '../../lib/users.repository';

/** `acceptReport` (受理): the owning staff accept a submitted report as valid; its reporter is paid once. */
export const main = defineFunction(acceptReportContract, async (request, { caller, now }) => {
  const [user, rules, seen] = await Promise.all([findUserByOpenid(caller.openid), pointsRules(), findReport(request.reportId)]);
  if (!user) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const at = now.getTime();
  const accepted = await acceptAsValid({ reportId: request.reportId, seen, note: request.note, caller: user, rules, now: at });
  return { report: summaryOf(accepted, at) };
});
