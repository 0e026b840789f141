import { performanceContract } from '@pingan/shared';
import { defineFunction } from '../../platform/define-function';
import { overseenUnit } from '../../performance/overseen-unit';
import { performanceTable } from '../../performance/performance-table';

/**
 * `performance` (工作考核): a unit's figures for a period, per child unit or per worker, with the open
 * cases of each. Round trips: the caller and the unit at once; then at once the child units (`level_parent`,
 * by units) and the aggregates — the figures per child unit (county_/street_/community_/grid_time), per
 * worker (the same match, by workers), the open cases per child unit and per assignee
 * (county_/street_/community_status_deadline); by workers, then the workers' names (`users` by _id).
 */
export const main = defineFunction(performanceContract, async (request, { caller, now }) => {
  const unit = await overseenUnit(caller, request.level, request.code);
  return performanceTable(unit, request, now.getTime());
});
