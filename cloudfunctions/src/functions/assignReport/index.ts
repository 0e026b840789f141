import { assignReportContract, GRID_CASE_OWNER_ROLES, type Assignee, type ReportAction } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import type { ReportDoc } from '../../reports/report-document';
import { decide, transitionReport } from '../../reports/report-transition';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';
import { findUserById } from '../../users/users.repository';

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
  if (!(await mayBeAssigned(request.to, before))) {
    throw new AppError('REPORT.INVALID_ASSIGNEE', '只能派给本网格的网格员、网格长，或这件事的协办部门');
  }
  return { report: summaryOf(await transitionReport(before, action, me, at), at) };
});

/**
 * Whether the case may go to this assignee: a person must be a 网格员 or 网格长 of the case's grid (the
 * grid it was routed to, also when a centre above now owns it); a department, one the case's category
 * names as co-handling.
 */
async function mayBeAssigned(to: Assignee, report: ReportDoc): Promise<boolean> {
  if (to.kind === 'department') return report.departments.includes(to.department);
  const grid = report.regionPath.grid;
  if (grid === undefined) return false;
  const person = await findUserById(to.personId);
  return person !== undefined && person.gridCodes.includes(grid) && GRID_CASE_OWNER_ROLES.some((role) => person.roles.includes(role));
}
