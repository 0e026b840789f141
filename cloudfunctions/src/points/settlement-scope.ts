import { hasRole, settlementSheet, type SettlementSheet, type SettlementTotals, type SheetScope } from '@pingan/shared';
import { AppError } from '../platform/app-error';
import type { Caller } from '../platform/define-function';
import { findRegion, gridsUnder, placeNames } from '../routing/regions.repository';
import { findCaller } from '../users/caller';
import { statementsOf, type StatementDoc } from './settlement.repository';

/**
 * Whose part of a month's settlement a caller sees: a county centre the whole (it pays), a street or
 * community centre the rows of its region's grids. Nobody else: the money of informants is the centres'
 * business (a 网格长 approves informants but does not see their pay).
 */
export type SettlementScope = {
  readonly level: 'county' | 'street' | 'community';
  readonly code: string;
  readonly name: string;
  readonly whole: boolean;
  readonly grids: SheetScope;
};

/** The caller's scope: caller, then the region and its grids at once (2 waves). AUTH.FORBIDDEN for anyone but a centre. */
export async function settlementScopeOf(caller: Caller): Promise<SettlementScope> {
  const me = await findCaller(caller);
  const centre = me && hasRole(me.actor, 'centre') ? me.actor.centre : undefined;
  if (!centre || (centre.level !== 'county' && centre.level !== 'street' && centre.level !== 'community'))
    throw new AppError('AUTH.FORBIDDEN', '只有综治中心可以查看以奖代补结算');
  const { level, regionCode: code } = centre;
  const whole = level === 'county';
  const [region, grids] = await Promise.all([findRegion(code), whole ? undefined : gridsUnder(level, code)]);
  return { level, code, name: region?.name ?? code, whole, grids: grids ? new Set(grids.map((grid) => grid.code)) : 'all' };
}

/** The total a closed month holds in a scope: the whole, or its grids' totals summed (both from the ledger). */
export function scopedTotalFen(totals: SettlementTotals, scope: SettlementScope): number {
  if (scope.grids === 'all') return totals.totalFen;
  let sum = 0;
  for (const code of scope.grids) sum += totals.byGrid[code] ?? 0;
  return sum;
}

/** A closed month's statements and sheet in a scope, with the names of the places it names (2 waves). */
export async function scopedSheet(
  monthKey: string,
  scope: SettlementScope,
): Promise<{ statements: StatementDoc[]; sheet: SettlementSheet; places: Map<string, string> }> {
  const statements = await statementsOf(monthKey);
  const sheet = settlementSheet(statements, scope.grids);
  const codes = [...sheet.grids, ...sheet.streets].flatMap((line) => [line.code, ...(line.streetCode ? [line.streetCode] : [])]);
  const places = await placeNames(codes.filter((code) => code !== '-'));
  return { statements, sheet, places };
}
