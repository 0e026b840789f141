import { communityOfGrid, mayHandOverIn, mayManageMarket, marketItemsContract, staffMarketCommunity } from '@pingan/shared';
import { itemOf, itemViewOf } from '../../market/market-documents';
import { findGuard, itemsPage } from '../../market/market.repository';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { balancesOf } from '../../points/points-ledger.repository';
import { findCaller } from '../../users/caller';

/**
 * `marketItems` (爱心超市): the catalogue of the caller's community — the one they work as its centre or
 * grid staff, else their joined grid's — cheapest first, with their 爱心积分 balance and what they hold of
 * each item. Those who run it see the items not offered now too. 2 waves: the caller; the page, the
 * balance (one aggregate) and the caller's guard at once.
 */
export const main = defineFunction(marketItemsContract, async (request, { caller }) => {
  const read = pageReadOf(request);
  const me = await findCaller(caller);
  const joined = me?.user.joinedGridCode;
  const communityCode = (me && staffMarketCommunity(me.actor)) ?? (joined === undefined ? undefined : communityOfGrid(joined));
  if (!me || communityCode === undefined) throw new AppError('GRID.NOT_JOINED', '请先扫码加入所在网格');
  const mayManage = mayManageMarket(me.actor, communityCode);
  const [page, balances, guard] = await Promise.all([
    itemsPage(communityCode, !mayManage, read),
    balancesOf(me.actor.id),
    findGuard(me.actor.id),
  ]);
  return {
    communityCode,
    mayManage,
    mayHandOver: mayHandOverIn(me.actor, communityCode),
    pointBalance: balances.point,
    items: page.items.map((doc) => itemViewOf(itemOf(doc), guard?.held[doc._id] ?? 0)),
    nextCursor: page.nextCursor,
  };
});
