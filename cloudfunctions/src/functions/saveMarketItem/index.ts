import { saveMarketItemContract } from '@pingan/shared';
import { itemViewOf } from '../../market/market-documents';
import { saveMarketItem } from '../../market/market-item-save';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { findCaller } from '../../users/caller';

/**
 * `saveMarketItem`: the community's centre or a 网格长 of its grids creates an item of its 爱心超市, or
 * edits one — name, words, price, per-person limit, on or off — and adds (or takes off) stock. 2 waves: the
 * caller; one transaction (a read, a write).
 */
export const main = defineFunction(saveMarketItemContract, async (request, { caller, now }) => {
  const me = await findCaller(caller);
  if (!me) throw new AppError('AUTH.FORBIDDEN', '只有本社区综治中心和网格长可以管理爱心超市');
  const { itemId, idempotencyKey, ...edit } = request;
  const item = await saveMarketItem(
    me,
    {
      ...(itemId !== undefined && { itemId }),
      ...(idempotencyKey !== undefined && { idempotencyKey }),
      edit: { ...edit, description: edit.description.trim(), name: edit.name.trim() },
    },
    now.getTime(),
  );
  return { item: itemViewOf(item, 0) };
});
