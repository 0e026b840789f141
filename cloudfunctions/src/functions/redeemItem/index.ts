import { redeemItemContract } from '@pingan/shared';
import { myRedemptionViewOf } from '../../market/market-documents';
import { redeemItem } from '../../market/redemption-moves';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { findCaller } from '../../users/caller';

/**
 * `redeemItem` (兑换): the caller takes an item of their joined grid's community's 爱心超市 for its price in
 * 爱心积分 — stock, ledger entry, redemption and the caller's guard in one transaction (market/redemption-moves.ts).
 * 3 waves and the transaction: the caller; any redemption under this id; the transaction's reads, the
 * balance (one aggregate) and its four writes.
 */
export const main = defineFunction(redeemItemContract, async ({ itemId, idempotencyKey }, { caller, now }) => {
  const me = await findCaller(caller);
  if (!me) throw new AppError('GRID.NOT_JOINED', '请先扫码加入所在网格');
  const { redemption, pointBalance, replayed } = await redeemItem(me, itemId, idempotencyKey, now.getTime());
  return { redemption: myRedemptionViewOf(redemption), pointBalance, replayed };
});
