import { GRID_STAFF_ROLES, hasRole, responseTemplatesContract, type Actor } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { templatesOfGrid } from '../../reports/response-templates.repository';
import { findRegion } from '../../routing/regions.repository';
import { findCaller } from '../../users/caller';

/**
 * `responseTemplates`: a grid's 常用语 for every staff move, for its staff (网格员, 网格长, 网格警, 网格医) and
 * the centres above it. Round trips: the caller, (for a centre) the grid's place, the templates.
 */
export const main = defineFunction(responseTemplatesContract, async ({ gridCode }, { caller }) => {
  const me = await findCaller(caller);
  if (!me || !(await mayRead(me.actor, gridCode))) throw new AppError('AUTH.FORBIDDEN', '只有本网格的工作人员和上级综治中心可以查看常用语');
  return { gridCode, templates: await templatesOfGrid(gridCode) };
});

async function mayRead(actor: Actor, gridCode: string): Promise<boolean> {
  if (actor.gridCodes.includes(gridCode) && GRID_STAFF_ROLES.some((role) => hasRole(actor, role))) return true;
  const centre = hasRole(actor, 'centre') ? actor.centre : undefined;
  if (!centre) return false;
  const grid = await findRegion(gridCode);
  return grid?.level === 'grid' && grid.regionPath[centre.level] === centre.regionCode;
}
