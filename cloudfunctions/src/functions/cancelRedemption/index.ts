import { cancelRedemptionContract, type RedemptionMove } from '@pingan/shared';
import { moveRedemptionOf, staffMayMove } from '../../market/redemption-moves';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { balancesOf } from '../../points/points-ledger.repository';
import { findCaller } from '../../users/caller';

/**
 * `cancelRedemption`: before the hand-over, its resident cancels a redemption (取消), or staff of its
 * community refuse it with a reason (退回); either gives the stock and the points back (`refund:<id>`).
 * The resident's own redemption is always theirs to cancel, even when they are staff too. 3 waves: the
 * caller; one transaction (the redemption, then the item and the guard, then three writes and the refund);
 * for the resident, their balance.
 */
export const main = defineFunction(cancelRedemptionContract, async ({ redemptionId, reason }, { caller, now }) => {
  const me = await findCaller(caller);
  if (!me) throw new AppError('MARKET.REDEMPTION_NOT_FOUND', '没有找到这次兑换');
  const staff = staffMayMove(me);
  const { redemption } = await moveRedemptionOf(
    redemptionId,
    (r): RedemptionMove =>
      r.personId === me.actor.id ? { type: 'cancel', by: me.actor.id } : { type: 'refuse', by: me.actor.id, reason: reason ?? '' },
    (r) => r.personId === me.actor.id || staff(r),
    now.getTime(),
  );
  const own = redemption.personId === me.actor.id;
  return {
    redemptionId: redemption.id,
    status: redemption.status,
    ...(own && { pointBalance: (await balancesOf(me.actor.id)).point }),
  };
});
