import { caseActionsContract, mayView } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { caseActionsFor } from '../../reports/case-actions';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

/**
 * `caseActions`: the moves the caller may make on a case now and whom it may go to, for the staff case
 * page's buttons. Nothing is written. Whoever may not see the case does not find it (REPORT.NOT_FOUND).
 */
export const main = defineFunction(caseActionsContract, async (request, { caller, now }) => {
  const [me, report] = await Promise.all([findCaller(caller), findReport(request.reportId)]);
  if (!me || !report || !mayView(me.actor, report)) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  return caseActionsFor(me.actor, report, now.getTime());
});
