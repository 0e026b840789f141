import { GRID_CASE_OWNER_ROLES, type Assignee } from '@pingan/shared';
import { AppError } from '../platform/app-error';
import { findUserById } from '../users/users.repository';
import type { ReportDoc } from './report-document';

/**
 * Whether the case may go to this assignee: a person must be a 网格员 or 网格长 of the case's grid (the
 * grid it was routed to, also when a centre above now owns it); a department, one the case's category
 * names as co-handling.
 */
export async function mayBeAssigned(to: Assignee, report: ReportDoc): Promise<boolean> {
  if (to.kind === 'department') return report.departments.includes(to.department);
  const grid = report.regionPath.grid;
  if (grid === undefined) return false;
  const person = await findUserById(to.personId);
  return person !== undefined && person.gridCodes.includes(grid) && GRID_CASE_OWNER_ROLES.some((role) => person.roles.includes(role));
}

/** Refuses (REPORT.INVALID_ASSIGNEE) an assignee the case may not go to: assign, reassign and bulk assign alike. */
export async function assertMayBeAssigned(to: Assignee, report: ReportDoc): Promise<void> {
  if (!(await mayBeAssigned(to, report))) {
    throw new AppError('REPORT.INVALID_ASSIGNEE', '只能派给本网格的网格员、网格长，或这件事的协办部门');
  }
}
