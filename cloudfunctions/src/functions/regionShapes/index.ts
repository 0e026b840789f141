import { mayOverseeUnit, regionShapesContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { childrenWithBoundary, simplifiedShapes } from '../../routing/region-shapes';
import { findRegion } from '../../routing/regions.repository';
import { findCaller } from '../../users/caller';

/**
 * `regionShapes`: the simplified outlines of a unit's child units, for the centre dashboard's map. Round
 * trips: the caller and the unit at once (a code that is no such unit is refused as an unauthorised one is,
 * so nobody probes the tree), then the children (`level_parent`).
 */
export const main = defineFunction(regionShapesContract, async ({ level, code }, { caller }) => {
  const [me, unit] = await Promise.all([findCaller(caller), findRegion(code)]);
  if (!me || !unit || unit.level !== level || !mayOverseeUnit(me.actor, { level, code, regionPath: unit.regionPath }))
    throw new AppError('AUTH.FORBIDDEN', '只有本辖区的综治中心和本网格的网格长可以查看这里的地图');
  return { unit: { level, code, name: unit.name }, children: simplifiedShapes(await childrenWithBoundary(level, code)) };
});
