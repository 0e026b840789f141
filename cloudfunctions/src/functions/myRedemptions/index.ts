import { myRedemptionsContract } from '@pingan/shared';
import { myRedemptionViewOf, redemptionOf } from '../../market/market-documents';
import { redemptionsOfPerson } from '../../market/market.repository';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { findCaller } from '../../users/caller';

/** `myRedemptions` (我的兑换): the caller's redemptions, newest first, with the code of those waiting. 2 waves. */
export const main = defineFunction(myRedemptionsContract, async (request, { caller }) => {
  const read = pageReadOf(request);
  const me = await findCaller(caller);
  if (!me) return { items: [], nextCursor: null };
  const page = await redemptionsOfPerson(me.actor.id, read);
  return { items: page.items.map((doc) => myRedemptionViewOf(redemptionOf(doc))), nextCursor: page.nextCursor };
});
