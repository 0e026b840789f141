import { adjustPointsContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { adjustPoints } from '../../points/points-adjustment';
import { findCaller } from '../../users/caller';

/**
 * `adjustPoints` (调整): a centre corrects a person's money (the county centre) or points (a centre over their
 * grid) with a reason, as an `adjustment` entry in the first open month; the person is told in 消息
 * (points/points-adjustment.ts).
 */
export const main = defineFunction(adjustPointsContract, async (request, { caller, now }) => {
  const me = await findCaller(caller);
  if (!me) throw new AppError('AUTH.FORBIDDEN', '只有综治中心可以调整');
  const entry = await adjustPoints({ ...request, caller: me, now: now.getTime() });
  const { id, personId, unit, amount } = entry;
  return { adjustment: { id, personId, unit, amount, monthKey: entry.monthKey ?? '', reason: entry.reason ?? '' } };
});
