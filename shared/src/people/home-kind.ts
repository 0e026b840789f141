import type { Role } from './role';

/**
 * The home a person lands on, chosen from their roles alone: a staff role's workbench, else the resident
 * home. Staff never see "您还没有加入网格".
 */
export const HOME_KINDS = ['centre', 'gridLeader', 'gridWorker', 'police', 'doctor', 'resident'] as const;
export type HomeKind = (typeof HOME_KINDS)[number];

/**
 * The home of someone holding these roles. Several roles pick the widest view first: a centre (a whole
 * region) over a 网格长 (who assigns and verifies) over a 网格员 (who works the inbox) over the grid's
 * co-handlers, 网格警 then 网格医; everyone else (resident, informant, volunteer) gets the resident home.
 */
export function homeKindOf(roles: readonly Role[]): HomeKind {
  return HOME_KINDS.find((kind): kind is Exclude<HomeKind, 'resident'> => kind !== 'resident' && roles.includes(kind)) ?? 'resident';
}
