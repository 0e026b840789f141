import { mayOverseeUnit, type OwnerLevel } from '@pingan/shared';
import { AppError } from '../platform/app-error';
import type { Caller } from '../platform/define-function';
import { findRegion } from '../routing/regions.repository';
import { findCaller } from '../users/caller';
import type { AskedUnit } from './performance-table';

/**
 * The unit whose 工作考核 the caller asks for, once they may see it (mayOverseeUnit: a centre over its
 * region and anything below it, by the unit's stored regionPath; a 网格长 over their own grids). One round
 * trip: the caller and the unit read at once. A code that is no such unit is refused as an unauthorised one
 * is, so nobody probes the tree.
 */
export async function overseenUnit(caller: Caller, level: OwnerLevel, code: string): Promise<AskedUnit> {
  const [me, unit] = await Promise.all([findCaller(caller), findRegion(code)]);
  if (!me || !unit || unit.level !== level || !mayOverseeUnit(me.actor, { level, code, regionPath: unit.regionPath }))
    throw new AppError('AUTH.FORBIDDEN', '只有本辖区的综治中心和本网格的网格长可以查看工作考核');
  return { level, code, name: unit.name };
}
