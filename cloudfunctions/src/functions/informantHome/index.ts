import {
  capStanding,
  hasRole,
  informantGridsOf,
  informantHomeContract,
  settlementDayOf,
  shanghaiDayKey,
  shanghaiMonthKey,
} from '@pingan/shared';
import { pointsRules } from '../../catalog/settings.repository';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { pageReadOf } from '../../platform/page-cursor';
import { fenEarnedOn, moneyInMonth, statementsOf } from '../../points/informant-standing.repository';
import { placeNames } from '../../routing/regions.repository';
import { findCaller } from '../../users/caller';

/**
 * `informantHome`: an informant's own standing — approved grids by name, today's money against the daily
 * cap (the day's counter and `settings/pointsRules`), this month's money so far (by `monthKey`, as the
 * settlement counts it), the day it is settled, and the latest settled statement. 2 waves: the caller;
 * then 5 reads at once (grid names, the rules, the counter, one aggregate, one statement).
 */
export const main = defineFunction(informantHomeContract, async (_request, { caller, now }) => {
  const me = await findCaller(caller);
  if (!me || !hasRole(me.actor, 'informant')) throw new AppError('AUTH.FORBIDDEN', '只有信息员有这个页面');
  const at = now.getTime();
  const personId = me.actor.id;
  const dayKey = shanghaiDayKey(at);
  const monthKey = shanghaiMonthKey(at);
  const grids = informantGridsOf(me.actor);
  const [names, rules, earnedFen, month, latest] = await Promise.all([
    placeNames(grids),
    pointsRules(),
    fenEarnedOn(personId, dayKey),
    moneyInMonth(personId, monthKey),
    statementsOf(personId, pageReadOf({ limit: 1 })),
  ]);
  const last = latest.items[0];
  return {
    name: me.user.name,
    grids: grids.map((code) => ({ code, name: names.get(code) ?? code })),
    today: { dayKey, ...capStanding(earnedFen, rules.dailyCapFen) },
    month: { monthKey, ...month },
    settlementDay: settlementDayOf(monthKey),
    ...(last && {
      lastStatement: { monthKey: last.monthKey, totalFen: last.totalFen, payableFen: last.payableFen, carriedFen: last.carriedFen },
    }),
  };
});
