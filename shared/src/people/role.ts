/**
 * Roles a person may hold (several at once: an informant is also a resident). `police` and `doctor` are
 * published grid staff and co-handlers, never case owners.
 */
export const ROLES = ['resident', 'informant', 'volunteer', 'gridWorker', 'gridLeader', 'centre', 'police', 'doctor'] as const;
export type Role = (typeof ROLES)[number];

/** Roles of the people who work cases; they earn no points for cases in their own area. */
export const STAFF_ROLES: readonly Role[] = ['gridWorker', 'gridLeader', 'centre', 'police', 'doctor'];
