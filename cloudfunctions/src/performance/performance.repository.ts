import {
  PERFORMANCE_FACT_FIELDS,
  RUNNING_CLOCK_STATUSES,
  lightBounds,
  overdueBounds,
  performanceFigures,
  type OpenCounts,
  type OwnerLevel,
  type PerformanceFigures,
  type PerformanceTotals,
} from '@pingan/shared';
import { aggregateRows, db } from '../platform/sdk';

const REPORTS = 'reports';

/** A unit and a period of submission, [from, to) in epoch ms, what the figures are asked for. */
export type PerformanceQuery = { readonly level: OwnerLevel; readonly code: string; readonly from: number; readonly to: number };
/** A unit of the grid tree. */
export type UnitQuery = Pick<PerformanceQuery, 'level' | 'code'>;

/**
 * One group's figures: a child unit's code, a worker's personId or a month's key, with its sums; null
 * gathers the reports the group's field is missing on (a case owned above the grids has no grid, one
 * nobody has looked at no worker), which count for the unit's total only.
 */
export type UnitFigures = { readonly code: string | null; readonly totals: PerformanceTotals; readonly figures: PerformanceFigures };

/** One group's running cases now: a child unit's code or the assignee's personId (null: none). */
export type OpenRow = { readonly code: string | null } & OpenCounts;

export const CHILD_LEVEL: Record<OwnerLevel, OwnerLevel> = { county: 'street', street: 'community', community: 'grid', grid: 'grid' };

/** More groups than any level has (a street's communities, a county's workers), so none is cut off. */
const MAX_GROUPS = 1000;

/**
 * The aggregation's stages: $match on the unit and the period (an index's equality prefix and range:
 * county_/street_/community_/grid_time in database/collections.json), then $group by the child unit's
 * code with a $sum of each stored fact (report-document.ts `performance`). Exported for the SDK test.
 */
export function performanceStages(query: PerformanceQuery): { match: object; group: object } {
  return { match: periodMatch(query), group: { _id: `$regionPath.${CHILD_LEVEL[query.level]}`, ...sumsOf('$performance') } };
}

function periodMatch(query: PerformanceQuery): object {
  const _ = db().command;
  return { [`regionPath.${query.level}`]: query.code, submittedAt: _.gte(query.from).and(_.lt(query.to)) };
}

function sumsOf(prefix: string): Record<string, unknown> {
  const $ = db().command.aggregate;
  return Object.fromEntries(PERFORMANCE_FACT_FIELDS.map((field) => [field, $.sum(`${prefix}.${field}`)]));
}

async function figuresGrouped(pipeline: unknown): Promise<UnitFigures[]> {
  const rows = await aggregateRows<{ _id?: string | null } & PerformanceTotals>(pipeline);
  return rows.map(({ _id, ...totals }) => ({ code: _id ?? null, totals, figures: performanceFigures(totals) }));
}

/** The figures of each child unit with reports in the period, by code, computed by the database in one round trip. */
export async function performanceByUnit(query: PerformanceQuery): Promise<UnitFigures[]> {
  const { match, group } = performanceStages(query);
  return figuresGrouped(db().collection(REPORTS).aggregate().match(match).group(group).sort({ _id: 1 }).limit(MAX_GROUPS).end());
}

/**
 * The figures of each worker the unit's reports of the period count for (shared/src/performance/
 * performance-shares.ts), in one round trip: the same $match, $unwind of the stored shares, $group by
 * their personId with a $sum of each fact (a fact a share leaves out adds 0, as $sum skips a missing field).
 */
export async function performanceByWorker(query: PerformanceQuery): Promise<UnitFigures[]> {
  return figuresGrouped(
    db()
      .collection(REPORTS)
      .aggregate()
      .match(periodMatch(query))
      .unwind('$performanceShares')
      .group({ _id: '$performanceShares.personId', ...sumsOf('$performanceShares') })
      .sort({ _id: 1 })
      .limit(MAX_GROUPS)
      .end(),
  );
}

/**
 * The unit's figures month by month in one round trip: the reports submitted from `from` to `to` (whole
 * Asia/Shanghai months), grouped by their stored `submittedMonth` (report-document.ts). A month without
 * reports has no row.
 */
export async function performanceByMonth(query: PerformanceQuery): Promise<UnitFigures[]> {
  return figuresGrouped(
    db()
      .collection(REPORTS)
      .aggregate()
      .match(periodMatch(query))
      .group({ _id: '$submittedMonth', ...sumsOf('$performance') })
      .sort({ _id: 1 })
      .limit(MAX_GROUPS)
      .end(),
  );
}

/**
 * The unit's cases on a running clock now, grouped by child unit (`by: 'units'`) or by the person they
 * are assigned to (`by: 'workers'`), in one round trip: $match on the unit and the running statuses (the
 * leading fields of county_/street_/community_status_deadline; a grid's through grid_time's leading field),
 * $group counting all, those past their deadline and the red ones, by the bounds the inbox's light
 * filters use (light-bounds.ts: overdue `deadlineAt < now`, red `redAt < now`).
 */
export async function openCases(unit: UnitQuery, by: 'units' | 'workers', now: number): Promise<OpenRow[]> {
  const _ = db().command;
  const $ = db().command.aggregate;
  const countWhere = (field: string, before: number | undefined) =>
    $.sum($.cond({ if: $.lt([`$${field}`, before ?? Number.MIN_SAFE_INTEGER]), then: 1, else: 0 }));
  const key = by === 'units' ? `$regionPath.${CHILD_LEVEL[unit.level]}` : '$assignee.personId';
  const rows = await aggregateRows<{ _id?: string | null } & OpenCounts>(
    db()
      .collection(REPORTS)
      .aggregate()
      .match({ [`regionPath.${unit.level}`]: unit.code, status: _.in([...RUNNING_CLOCK_STATUSES]) })
      .group({
        _id: key,
        running: $.sum(1),
        overdue: countWhere('deadlineAt', overdueBounds(now).lt),
        red: countWhere('redAt', lightBounds('red', now).redAt?.lt),
      })
      .sort({ _id: 1 })
      .limit(MAX_GROUPS)
      .end(),
  );
  return rows.map(({ _id, running, overdue, red }) => ({ code: _id ?? null, running, overdue, red }));
}
