import { sheetMismatches, settlementCsvContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { settlementFileName, settlementMonthCsv } from '../../points/settlement-csv';
import { findMonth } from '../../points/settlement.repository';
import { scopedSheet, settlementScopeOf } from '../../points/settlement-scope';

/**
 * `settlementCsv`: a closed month's CSV for the finance office in the caller's scope (points/settlement-csv.ts).
 * Before it is written, every line is checked against the month's totals summed from the ledger when it
 * closed: a figure off by a fen is refused (SETTLEMENT.UNRECONCILED), never handed to the finance office.
 * Round trips: the caller, then its region (and grids) beside the month; its statements; the places' names.
 */
export const main = defineFunction(settlementCsvContract, async (request, { caller }) => {
  const [scope, month] = await Promise.all([settlementScopeOf(caller), findMonth(request.monthKey)]);
  if (!month) throw new AppError('SETTLEMENT.NOT_FOUND', '这个月还没有结算');
  if (month.status !== 'closed' || !month.totals || month.closedAt === undefined)
    throw new AppError('SETTLEMENT.NOT_CLOSED', '本月结算中，结算完成后才能下载');
  const { statements, sheet, places } = await scopedSheet(month._id, scope);
  const wrong = sheetMismatches(sheet, statements, month.totals, scope.grids);
  if (wrong.length > 0) {
    console.error(`[settlementCsv] ${month._id} does not reconcile with the ledger:`, wrong.slice(0, 20));
    throw new AppError('SETTLEMENT.UNRECONCILED', '结算表与账本对不上，已记录，请联系管理员');
  }
  return {
    filename: settlementFileName(scope.name, month._id),
    csv: settlementMonthCsv(sheet, { monthKey: month._id, scopeName: scope.name, closedAt: month.closedAt, places }),
  };
});
