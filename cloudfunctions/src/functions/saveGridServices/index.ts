import { mayEditGridCatalogue, saveGridServicesContract } from '@pingan/shared';
import { listServices } from '../../catalog/services.repository';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { findRegion } from '../../routing/regions.repository';
import { saveGridCatalogue } from '../../service/grid-services.repository';
import { findCaller } from '../../users/caller';

/**
 * `saveGridServices`: the community's centre or the grid's 网格长 sets the grid's catalogue whole — which
 * county services it offers and their weekly slots and capacity. A slot's places already booked stay
 * booked; a lower capacity only stops new bookings. 2 waves: the caller, the grid's place and the county's
 * services at once; one write.
 */
export const main = defineFunction(saveGridServicesContract, async ({ gridCode, services }, { caller, now }) => {
  const at = now.getTime();
  const [me, grid, county] = await Promise.all([findCaller(caller), findRegion(gridCode), listServices(at)]);
  if (!me || !grid || grid.level !== 'grid' || !mayEditGridCatalogue(me.actor, grid)) {
    throw new AppError('AUTH.FORBIDDEN', '只有本社区综治中心和本网格的网格长可以设置服务时段');
  }
  const known = new Set(county.map((service) => service.code));
  if (services.some((entry) => !known.has(entry.serviceCode))) throw new AppError('SERVICE.NOT_OFFERED', '县里没有这项服务');
  if (new Set(services.map((entry) => entry.serviceCode)).size !== services.length)
    throw new AppError('INPUT.INVALID', '一项服务只能列一次');
  await saveGridCatalogue(gridCode, services, me.actor.id, at);
  return { gridCode, services };
});
