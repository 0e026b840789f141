import { mayHandOverIn, marketRedemptionsContract, staffMarketCommunity } from '@pingan/shared';
import { redemptionOf, staffRedemptionViewOf } from '../../market/market-documents';
import { redemptionsOfCommunity } from '../../market/market.repository';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { findCaller } from '../../users/caller';

/**
 * `marketRedemptions` (兑换核销): the redemptions of the staff's community, those waiting to be handed over
 * first (oldest first), then the ended ones (latest first); never the residents' codes. 2 waves.
 */
export const main = defineFunction(marketRedemptionsContract, async (request, { caller }) => {
  const read = pageReadOf(request);
  const me = await findCaller(caller);
  const communityCode = me && staffMarketCommunity(me.actor);
  if (!me || communityCode === undefined || !mayHandOverIn(me.actor, communityCode)) {
    throw new AppError('AUTH.FORBIDDEN', '只有本社区的综治中心、网格长和网格员可以核销兑换');
  }
  const page = await redemptionsOfCommunity(communityCode, read);
  return { communityCode, items: page.items.map((doc) => staffRedemptionViewOf(redemptionOf(doc))), nextCursor: page.nextCursor };
});
