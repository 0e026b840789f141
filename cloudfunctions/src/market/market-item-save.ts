import { createHash } from 'node:crypto';
import { editedItem, mayManageMarket, staffMarketCommunity, type MarketItem, type MarketItemEdit } from '@pingan/shared';
import { AppError } from '../platform/app-error';
import { inTransaction, TransactionBusyError } from '../platform/sdk';
import type { KnownCaller } from '../users/caller';
import { itemOf } from './market-documents';
import { itemIn, setItemIn } from './market.repository';

/** A new item's id from its community and the staff's idempotency key: `mi` and 20 hex of SHA-256 (a retry makes one). */
export function marketItemIdFor(communityCode: string, idempotencyKey: string): string {
  return `mi${createHash('sha256').update(`${communityCode}\n${idempotencyKey}`).digest('hex').slice(0, 20)}`;
}

export type ItemSave = { readonly itemId?: string; readonly idempotencyKey?: string; readonly edit: MarketItemEdit };

/**
 * Creates or edits an item of the caller's community's 爱心超市, in one transaction with the stock
 * redemptions take: read the item, add the stock to what is left, write it. Those who run the community's
 * market only (mayManageMarket); an item of another community is MARKET.NOT_FOUND.
 */
export async function saveMarketItem(caller: KnownCaller, save: ItemSave, now: number): Promise<MarketItem> {
  const communityCode = staffMarketCommunity(caller.actor);
  if (communityCode === undefined || !mayManageMarket(caller.actor, communityCode)) {
    throw new AppError('AUTH.FORBIDDEN', '只有本社区综治中心和网格长可以管理爱心超市');
  }
  const id = save.itemId ?? (save.idempotencyKey === undefined ? undefined : marketItemIdFor(communityCode, save.idempotencyKey));
  if (id === undefined) throw new AppError('INPUT.INVALID', 'a new item needs an idempotencyKey');
  try {
    return await inTransaction(async (tx) => {
      const stored = await itemIn(tx, id);
      const before = stored && itemOf(stored);
      if (save.itemId !== undefined && (!before || before.communityCode !== communityCode))
        throw new AppError('MARKET.NOT_FOUND', '没有找到这件物品');
      // A retried create finds its item: it is answered as it is, the stock not added twice.
      if (save.itemId === undefined && before) return before;
      const item = editedItem(before, save.edit, { id, communityCode, by: caller.actor.id, at: now });
      if (!item) throw new AppError('MARKET.STOCK_INVALID', '库存不能少于 0');
      const { id: _id, ...fields } = item;
      await setItemIn(tx, { _id: id, ...fields });
      return item;
    });
  } catch (error) {
    if (error instanceof TransactionBusyError) throw new AppError('MARKET.BUSY', '同时兑换的人较多，请稍后再试');
    throw error;
  }
}
