import {
  PERFORMANCE_FACT_FIELDS,
  performanceFigures,
  type OwnerLevel,
  type PerformanceFigures,
  type PerformanceTotals,
} from '@pingan/shared';
import { aggregateRows, db } from '../platform/sdk';

const REPORTS = 'reports';

/** A unit and a period of submission, [from, to) in epoch ms: what the figures are asked for. */
export type PerformanceQuery = { readonly level: OwnerLevel; readonly code: string; readonly from: number; readonly to: number };

/** One child unit's figures: its code at the level below the asked one (a grid's own, for a grid). */
export type UnitFigures = { readonly code: string; readonly totals: PerformanceTotals; readonly figures: PerformanceFigures };

const CHILD_LEVEL: Record<OwnerLevel, OwnerLevel> = { county: 'street', street: 'community', community: 'grid', grid: 'grid' };

/** More child units than any level has (a street's communities, a community's grids), so none is cut off. */
const MAX_UNITS = 1000;

/**
 * The aggregation's stages: $match on the unit and the period (an index's equality prefix and range:
 * county_/street_/community_/grid_time in database/collections.json), then $group by the child unit's
 * code with a $sum of each stored fact (report-document.ts `performance`). Exported for the SDK test.
 */
export function performanceStages(query: PerformanceQuery): { match: object; group: object } {
  const _ = db().command;
  const $ = db().command.aggregate;
  const match = { [`regionPath.${query.level}`]: query.code, submittedAt: _.gte(query.from).and(_.lt(query.to)) };
  const sums = Object.fromEntries(PERFORMANCE_FACT_FIELDS.map((field) => [field, $.sum(`$performance.${field}`)]));
  return { match, group: { _id: `$regionPath.${CHILD_LEVEL[query.level]}`, ...sums } };
}

/** The figures of each child unit with reports in the period, by code, computed by the database in one round trip. */
export async function performanceByUnit(query: PerformanceQuery): Promise<UnitFigures[]> {
  const { match, group } = performanceStages(query);
  const rows = await aggregateRows<{ _id: string } & PerformanceTotals>(
    db().collection(REPORTS).aggregate().match(match).group(group).sort({ _id: 1 }).limit(MAX_UNITS).end(),
  );
  return rows.map(({ _id, ...totals }) => ({ code: _id, totals, figures: performanceFigures(totals) }));
}
