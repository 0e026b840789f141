import { gridServicesContract, isGridCaseStaff, mayEditGridCatalogue } from '@pingan/shared';
import { listServices } from '../../catalog/services.repository';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { findRegion } from '../../routing/regions.repository';
import { offersOf } from '../../service/grid-offers';
import { gridCatalogue } from '../../service/grid-services.repository';
import { findCaller } from '../../users/caller';

/**
 * `gridServices`: what a grid offers to book (居民点单), with each slot's places left this week: the caller's
 * joined grid, or `gridCode` for someone living there, its staff and volunteers, and whoever may edit it
 * (the community's centre). 4 waves: the caller; the grid's place and the county's services (cached); its
 * catalogue; the week's slot counters by `_id`.
 */
export const main = defineFunction(gridServicesContract, async (request, { caller, now }) => {
  const at = now.getTime();
  const me = await findCaller(caller);
  const gridCode = request.gridCode ?? me?.user.joinedGridCode;
  if (gridCode === undefined) throw new AppError('GRID.NOT_JOINED', '请先扫码加入所在网格');
  if (!me) throw new AppError('AUTH.FORBIDDEN', '只能查看自己网格的服务');
  const [grid, county] = await Promise.all([findRegion(gridCode), listServices(at)]);
  if (!grid || grid.level !== 'grid') throw new AppError('GRID.NOT_FOUND', '没有这个网格');
  const mayEdit = mayEditGridCatalogue(me.actor, grid);
  const belongs = me.user.joinedGridCode === gridCode || me.actor.gridCodes.includes(gridCode) || isGridCaseStaff(me.actor, gridCode);
  if (!mayEdit && !belongs) throw new AppError('AUTH.FORBIDDEN', '只能查看自己网格的服务');
  const catalogue = await gridCatalogue(gridCode, county);
  return { gridCode, custom: catalogue.custom, mayEdit, services: await offersOf(gridCode, catalogue.services, county, at) };
});
