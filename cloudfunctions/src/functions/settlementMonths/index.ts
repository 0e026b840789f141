import { SETTLEMENT_MONTHS_MAX, settlementMonthsContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { findMonth, latestMonths, type SettlementMonthDoc } from '../../points/settlement.repository';
import { scopedSheet, scopedTotalFen, settlementScopeOf, type SettlementScope } from '../../points/settlement-scope';

/**
 * `settlementMonths`: the settlement desk's months in the caller's scope (points/settlement-scope.ts) and one
 * in detail, the asked or newest. Round trips: the caller, then its region (and grids) beside the months;
 * for a closed month in detail, its statements (1000 a page), then the names of its places.
 */
export const main = defineFunction(settlementMonthsContract, async (request, { caller }) => {
  const [scope, months] = await Promise.all([settlementScopeOf(caller), latestMonths(SETTLEMENT_MONTHS_MAX)]);
  const asked = request.monthKey;
  const month = asked === undefined ? months[0] : (months.find((m) => m._id === asked) ?? (await findMonth(asked)));
  if (asked !== undefined && !month) throw new AppError('SETTLEMENT.NOT_FOUND', '这个月还没有结算');
  return {
    scope: { level: scope.level, code: scope.code, name: scope.name, whole: scope.whole },
    months: months.map((m) => monthView(m, scope)),
    month: month ? await monthDetail(month, scope) : null,
  };
});

function monthView(month: SettlementMonthDoc, scope: SettlementScope) {
  const totals = month.status === 'closed' ? month.totals : undefined;
  return {
    monthKey: month._id,
    status: month.status,
    closedAt: month.closedAt ?? null,
    totalFen: totals ? scopedTotalFen(totals, scope) : null,
    payableFen: totals && scope.whole ? totals.payableFen : null,
    informants: scope.whole ? (month.informants ?? null) : null,
  };
}

async function monthDetail(month: SettlementMonthDoc, scope: SettlementScope) {
  if (month.status !== 'closed') return { monthKey: month._id, status: month.status, sheet: null, places: {} };
  const { sheet, places } = await scopedSheet(month._id, scope);
  const { whole: _whole, informants, grids, streets, ...figures } = sheet;
  const lines = {
    ...figures,
    informants: informants.map((line) => ({
      ...line,
      gridCodes: [...line.gridCodes],
      streetCodes: [...line.streetCodes],
      rows: [...line.rows],
    })),
    grids: [...grids],
    streets: [...streets],
  };
  return { monthKey: month._id, status: month.status, sheet: lines, places: Object.fromEntries(places) };
}
