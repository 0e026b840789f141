import { myServiceRecordContract, shanghaiYear, shanghaiYearStart } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { placeNames } from '../../routing/regions.repository';
import { serviceRecordOf, volunteerGridsOf } from '../../service/service-record';
import { serviceCreditsOf, servedOrders } from '../../service/service-record.repository';
import { findCaller } from '../../users/caller';

/**
 * `myServiceRecord` (我的服务记录): the caller's services credited in an Asia/Shanghai year (this one by
 * default) — totals, months and the list, each with its requester's grid but never the requester — and
 * their name and volunteer grids. Only ever the caller's own. 4 waves: the caller; their credits on
 * `pointsLedger.person_kind_time`; the orders by id; the grids' names.
 */
export const main = defineFunction(myServiceRecordContract, async (request, { caller, now }) => {
  const at = now.getTime();
  const year = request.year ?? shanghaiYear(at);
  const me = await findCaller(caller);
  if (!me) return serviceRecordOf(undefined, year, [], new Map(), new Map(), at);
  const credits = await serviceCreditsOf(me.actor.id, shanghaiYearStart(year), shanghaiYearStart(year + 1));
  const orders = await servedOrders(credits.flatMap((credit) => (credit.orderId === undefined ? [] : [credit.orderId])));
  const names = await placeNames([...volunteerGridsOf(me), ...[...orders.values()].map((order) => order.gridCode)]);
  return serviceRecordOf(me, year, credits, orders, names, at);
});
