/**
 * Roles a person may hold (several at once: an informant is also a resident): the one list. Every other
 * list of roles below is a subset of it, checked by the compiler, and contracts derive their enums from
 * these, so a role is added, renamed or dropped in this file alone.
 */
export const ROLES = ['resident', 'informant', 'volunteer', 'gridWorker', 'gridLeader', 'centre', 'police', 'doctor'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A grid's published staff (一网一长一员一警一医), in the order a resident reads them on the grid card.
 * `police` and `doctor` co-handle a grid's cases and see them, but never own one.
 */
export const GRID_STAFF_ROLES = ['gridLeader', 'gridWorker', 'police', 'doctor'] as const satisfies readonly Role[];
export type GridStaffRole = (typeof GRID_STAFF_ROLES)[number];

/** The grid staff who own the grid's cases: 网格长 and 网格员. */
export const GRID_CASE_OWNER_ROLES = ['gridLeader', 'gridWorker'] as const satisfies readonly GridStaffRole[];

/** Roles with cases of their own (an inbox): the grid's case owners, and a 综治中心 for its region. */
export const CASE_OWNER_ROLES = [...GRID_CASE_OWNER_ROLES, 'centre'] as const satisfies readonly Role[];

/** Roles of the people who work cases: every grid staff role and the centres. They earn no points in their own area. */
export const STAFF_ROLES = [...GRID_STAFF_ROLES, 'centre'] as const satisfies readonly Role[];

/** Whether a role works cases (STAFF_ROLES). */
export function isStaffRole(role: Role): boolean {
  return (STAFF_ROLES as readonly Role[]).includes(role);
}

/** Whether any of these roles has cases of its own, and so an inbox (CASE_OWNER_ROLES). */
export function ownsCases(roles: readonly Role[]): boolean {
  return roles.some((role) => (CASE_OWNER_ROLES as readonly Role[]).includes(role));
}
