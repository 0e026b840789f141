import { STAFF_ROLES, hasRole, isAssignee, type Actor, type Report } from '@pingan/shared';
import type { Moderation } from '../platform/content-check';

type Case = Pick<Report, 'reporterId' | 'regionPath' | 'assignee' | 'anonymous' | 'ownerCode' | 'ownerLevel'>;

/** Roles that work a grid's cases or co-handle them (网格警, 网格医). */
const GRID_STAFF_ROLES = ['gridWorker', 'gridLeader', 'police', 'doctor'] as const;

/**
 * Who may read a report (DESIGN.md): its reporter; staff of its grid; a centre whose region holds it
 * (at any level, so escalated and supervised cases stay visible); whoever it is assigned to. Residents
 * see their own reports only.
 */
export function mayView(viewer: Actor, report: Case): boolean {
  return viewer.id === report.reporterId || isGridStaff(viewer, report) || isCentreOver(viewer, report) || isAssignee(viewer, report);
}

/** Anonymous reports hide the reporter from staff below the centre; the reporter always sees themself. */
export function seesReporter(viewer: Actor, report: Case): boolean {
  return !report.anonymous || viewer.id === report.reporterId || isCentreOver(viewer, report);
}

/**
 * Whether the viewer may see the report's photos: while the content check holds a report for review
 * (`review`, or `unchecked`), only staff and the reporter may, until a staff member clears it.
 */
export function seesPhotos(viewer: Actor, report: Pick<Report, 'reporterId'> & { readonly moderation: Pick<Moderation, 'pending'> }): boolean {
  return !report.moderation.pending || viewer.id === report.reporterId || isStaff(viewer);
}

/** Staff of any kind: grid staff and centres, or a department's staff acting for it. */
function isStaff(viewer: Actor): boolean {
  return STAFF_ROLES.some((role) => hasRole(viewer, role)) || viewer.department !== undefined;
}

/** Staff of the case's grid (its staff see a case escalated above them too). */
function isGridStaff(viewer: Actor, report: Case): boolean {
  const grid = report.regionPath.grid;
  return grid !== undefined && viewer.gridCodes.includes(grid) && GRID_STAFF_ROLES.some((role) => hasRole(viewer, role));
}

function isCentreOver(viewer: Actor, report: Case): boolean {
  const centre = viewer.centre;
  return hasRole(viewer, 'centre') && centre !== undefined && report.regionPath[centre.level] === centre.regionCode;
}

/**
 * The places whose cases land in the caller's inbox: the grids a 网格员 or 网格长 works, the region of a
 * centre. Police, doctors and residents have no inbox (they co-handle or report; they do not own cases).
 */
export function inboxPlacesOf(actor: Actor): string[] {
  const grids = hasRole(actor, 'gridWorker') || hasRole(actor, 'gridLeader') ? actor.gridCodes : [];
  const region = hasRole(actor, 'centre') && actor.centre ? [actor.centre.regionCode] : [];
  return [...new Set([...grids, ...region])];
}
