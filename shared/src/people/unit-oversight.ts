import type { OwnerLevel } from '../grid/grid-level';
import type { RegionPath } from '../grid/grid-tree';
import { hasRole, type Actor } from './actor';

/** A unit of the grid tree as the oversight rule sees it: its level, its code and the path above it. */
export type OverseenUnit = { readonly level: OwnerLevel; readonly code: string; readonly regionPath: RegionPath };

/**
 * Whether the actor may look over a unit's figures and map (工作考核, the centre dashboard): a centre over
 * its own region and anything below it, a 网格长 over their own grids; nobody else.
 */
export function mayOverseeUnit(actor: Actor, unit: OverseenUnit): boolean {
  const centre = hasRole(actor, 'centre') ? actor.centre : undefined;
  if (centre && unit.regionPath[centre.level] === centre.regionCode) return true;
  return unit.level === 'grid' && hasRole(actor, 'gridLeader') && actor.gridCodes.includes(unit.code);
}
