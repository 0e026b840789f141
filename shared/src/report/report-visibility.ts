import { type Actor, hasRole } from '../people/actor';
import { GRID_CASE_OWNER_ROLES, GRID_STAFF_ROLES, isStaffRole } from '../people/role';
import type { Report } from './report';
import { isAssignee } from './report-authority';

/** What visibility reads of a report: who reported it, where it lies, who owns and who is assigned it. */
export type VisibleCase = Pick<Report, 'reporterId' | 'regionPath' | 'assignee' | 'anonymous' | 'ownerCode' | 'ownerLevel'>;

/**
 * Who may read a report (docs/DESIGN.md, "Visibility"): its reporter; staff of its grid; a centre whose region holds it
 * (at any level, so escalated and supervised cases stay visible); whoever it is assigned to. Residents
 * see their own reports only, and those they follow (我也遇到): `isFollower` is the caller's to find out
 * (one read of the follow), and a follower sees the case, never its reporter or the reporter's photos
 * (seesReporter; reportDetail leaves the photos out).
 */
export function mayView(viewer: Actor, report: VisibleCase, isFollower = false): boolean {
  return (
    isFollower ||
    viewer.id === report.reporterId ||
    isGridStaff(viewer, report) ||
    isCentreOver(viewer, report) ||
    isAssignee(viewer, report)
  );
}

/**
 * Who sees the reporter: the reporter, a centre over the case, and the case's other viewers (mayView)
 * unless it is anonymous. Anyone else allowed to read it (a neighbour following it, 我也遇到) never does.
 */
export function seesReporter(viewer: Actor, report: VisibleCase): boolean {
  return viewer.id === report.reporterId || isCentreOver(viewer, report) || (!report.anonymous && mayView(viewer, report));
}

/**
 * Whether the viewer may see the report's photos: while the content check holds a report for review
 * (`review`, or `unchecked`), only staff and the reporter may, until a staff member clears it.
 */
export function seesPhotos(
  viewer: Actor,
  report: Pick<Report, 'reporterId'> & { readonly moderation: { readonly pending: boolean } },
): boolean {
  return !report.moderation.pending || viewer.id === report.reporterId || isStaff(viewer);
}

/** Staff of any kind: grid staff and centres, or a department's staff acting for it. */
export function isStaff(viewer: Pick<Actor, 'roles' | 'department'>): boolean {
  return viewer.roles.some(isStaffRole) || viewer.department !== undefined;
}

/** Staff of the case's grid (its staff see a case escalated above them too). */
function isGridStaff(viewer: Actor, report: VisibleCase): boolean {
  const grid = report.regionPath.grid;
  return grid !== undefined && viewer.gridCodes.includes(grid) && GRID_STAFF_ROLES.some((role) => hasRole(viewer, role));
}

function isCentreOver(viewer: Actor, report: VisibleCase): boolean {
  const centre = viewer.centre;
  return hasRole(viewer, 'centre') && centre !== undefined && report.regionPath[centre.level] === centre.regionCode;
}

/**
 * The places whose cases land in the caller's inbox: the grids a 网格员 or 网格长 works, the region of a
 * centre. Police, doctors and residents have no inbox (they co-handle or report; they do not own cases).
 */
export function inboxPlacesOf(actor: Actor): string[] {
  const grids = GRID_CASE_OWNER_ROLES.some((role) => hasRole(actor, role)) ? actor.gridCodes : [];
  const region = hasRole(actor, 'centre') && actor.centre ? [actor.centre.regionCode] : [];
  return [...new Set([...grids, ...region])];
}

/** Whether the actor has an inbox of cases to own (网格员, 网格长, 综治中心). */
export function hasInbox(actor: Actor): boolean {
  return inboxPlacesOf(actor).length > 0;
}
