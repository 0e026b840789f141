import { performanceFigures, performanceTrendContract, shanghaiMonthsUpTo } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { overseenUnit } from '../../performance/overseen-unit';
import { performanceByMonth } from '../../performance/performance.repository';
import { sumTotals } from '../../performance/performance-table';

/**
 * `performanceTrend`: a unit's figures for each of the last `months` Asia/Shanghai months, oldest first,
 * the current month last. Round trips: the caller and the unit at once, then one aggregate over the whole
 * span grouped by each report's stored `submittedMonth` (county_/street_/community_/grid_time), however
 * many months are asked.
 */
export const main = defineFunction(performanceTrendContract, async ({ level, code, months }, { caller, now }) => {
  await overseenUnit(caller, level, code);
  const span = shanghaiMonthsUpTo(now.getTime(), months);
  const from = span[0]?.from ?? 0;
  const to = span[span.length - 1]?.to ?? 0;
  const byMonth = await performanceByMonth({ level, code, from, to });
  return {
    points: span.map(({ month, from: start, to: end }) => ({
      month,
      from: start,
      to: end,
      figures: performanceFigures(sumTotals(byMonth.filter((row) => row.code === month))),
    })),
  };
});
