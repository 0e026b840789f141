import { handOverRedemptionContract } from '@pingan/shared';
import { staffRedemptionViewOf } from '../../market/market-documents';
import { moveRedemptionOf, staffMayMove } from '../../market/redemption-moves';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { findCaller } from '../../users/caller';

/**
 * `handOverRedemption` (核销): staff of the redemption's community give the item against the 6 digits the
 * resident shows; a second hand-over changes nothing (`changed` false). 2 waves: the caller; one
 * transaction (a read, a write).
 */
export const main = defineFunction(handOverRedemptionContract, async ({ redemptionId, code }, { caller, now }) => {
  const me = await findCaller(caller);
  if (!me) throw new AppError('MARKET.REDEMPTION_NOT_FOUND', '没有找到这次兑换');
  const { redemption, changed } = await moveRedemptionOf(
    redemptionId,
    { type: 'handOver', code, by: me.actor.id },
    staffMayMove(me),
    now.getTime(),
  );
  return { redemption: staffRedemptionViewOf(redemption), changed };
});
