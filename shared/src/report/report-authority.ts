import { levelDepth } from '../grid/grid-level';
import { type Actor, hasRole } from '../people/actor';
import { GRID_CASE_OWNER_ROLES } from '../people/role';
import type { Report } from './report';

/*
 * The predicates the authorities of report-transitions.ts are made of: who owns, supervises, sits above
 * or is assigned a case.
 */

type Case = Pick<Report, 'ownerCode' | 'ownerLevel' | 'regionPath' | 'assignee' | 'reporterId'>;

/** Staff owning the case's level: the grid's 网格员 or 网格长, or the centre of the owning region. */
export function isOwnerStaff(actor: Actor, report: Case): boolean {
  if (report.ownerLevel === 'grid') {
    return GRID_CASE_OWNER_ROLES.some((role) => hasRole(actor, role)) && actor.gridCodes.includes(report.ownerCode);
  }
  return centreLevelGap(actor, report) === 0;
}

/** The grid's 网格长, or a centre at or above the owning level on the case's region path. */
export function isSupervisor(actor: Actor, report: Case): boolean {
  const gridLeader = report.ownerLevel === 'grid' && hasRole(actor, 'gridLeader') && actor.gridCodes.includes(report.ownerCode);
  const gap = centreLevelGap(actor, report);
  return gridLeader || (gap !== undefined && gap >= 0);
}

/** A centre strictly above the owning level on the case's region path (who may 督办). */
export function isCentreAbove(actor: Actor, report: Case): boolean {
  const gap = centreLevelGap(actor, report);
  return gap !== undefined && gap > 0;
}

/** The person the case is assigned to, or staff of the department it is assigned to. */
export function isAssignee(actor: Actor, report: Case): boolean {
  const { assignee } = report;
  if (!assignee) return false;
  return assignee.kind === 'person' ? assignee.personId === actor.id : assignee.department === actor.department;
}

/**
 * How many levels the actor's centre sits above the case owner (0: the owning centre itself), or
 * undefined when the actor is no centre on the case's region path.
 */
function centreLevelGap(actor: Actor, report: Case): number | undefined {
  const centre = actor.centre;
  if (!hasRole(actor, 'centre') || !centre || report.regionPath[centre.level] !== centre.regionCode) return undefined;
  return levelDepth(report.ownerLevel) - levelDepth(centre.level);
}
