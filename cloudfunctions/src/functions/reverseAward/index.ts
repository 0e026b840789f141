import { reverseAwardContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { reverseAward } from '../../points/award-reversal';
import { findCaller } from '../../users/caller';

/**
 * `reverseAward`: the grid's 网格长 or a centre at or above the case's owner finds an accepted report invalid
 * or a duplicate after all, and undoes its award with their words (points/award-reversal.ts).
 */
export const main = defineFunction(reverseAwardContract, async (request, { caller, now }) => {
  const me = await findCaller(caller);
  if (!me) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const entry = await reverseAward({
    reportId: request.reportId,
    cause: request.cause,
    note: request.note,
    caller: me,
    now: now.getTime(),
  });
  const { id, personId, unit, amount } = entry;
  return { reversal: { id, personId, unit, amount, monthKey: entry.monthKey ?? '' } };
});
