import { gridCodeFromScene, joinGridContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { gridCard } from '../../routing/grid-card';
import { ensureUser, recordGridJoin } from '../../users/users.repository';

/**
 * `joinGrid` (扫码入格): joins the grid a scanned code names and answers it with its staff. A later scan
 * replaces the joined grid; every scan is kept.
 */
export const main = defineFunction(joinGridContract, async (request, { caller, now }) => {
  const gridCode = 'gridCode' in request ? request.gridCode : gridCodeFromScene(request.scene);
  if (gridCode === undefined) throw new AppError('GRID.SCENE_INVALID', '这不是网格的二维码');
  const at = now.getTime();
  const [user, grid] = await Promise.all([ensureUser(caller.openid, at), gridCard(gridCode)]);
  if (!grid) throw new AppError('GRID.NOT_FOUND', '没有找到这个网格');
  await recordGridJoin(user, { gridCode, source: 'gridCode' in request ? 'code' : 'scene', at });
  return { grid };
});
