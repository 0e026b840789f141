import {
  PERFORMANCE_FACT_FIELDS,
  performanceFigures,
  type OpenCounts,
  type PerformanceRequest,
  type PerformanceRow,
  type PerformanceTotals,
  type ResponseOf,
  type performanceContract,
} from '@pingan/shared';
import { childPlaces, type PlaceName } from '../routing/regions.repository';
import { personNames } from '../users/users.repository';
import { CHILD_LEVEL, openCases, performanceByUnit, performanceByWorker, type OpenRow, type UnitFigures } from './performance.repository';

export type PerformanceTable = ResponseOf<typeof performanceContract>;
/** The unit a table is asked for, as the regions collection names it. */
export type AskedUnit = PerformanceTable['unit'];

const NO_OPEN: OpenCounts = { running: 0, overdue: 0, red: 0 };

/** The field-by-field sum of groups' totals (all zeros for none). */
export function sumTotals(groups: readonly { readonly totals: PerformanceTotals }[]): PerformanceTotals {
  const sums = Object.fromEntries(PERFORMANCE_FACT_FIELDS.map((field) => [field, 0])) as Record<keyof PerformanceTotals, number>;
  for (const group of groups) for (const field of PERFORMANCE_FACT_FIELDS) sums[field] += group.totals[field];
  return sums;
}

function sumOpen(rows: readonly OpenCounts[]): OpenCounts {
  return rows.reduce(
    (sum, row) => ({ running: sum.running + row.running, overdue: sum.overdue + row.overdue, red: sum.red + row.red }),
    NO_OPEN,
  );
}

function rowOf(place: PlaceName, figures: UnitFigures | undefined, open: OpenRow | undefined): PerformanceRow {
  const counts = open ? { running: open.running, overdue: open.overdue, red: open.red } : NO_OPEN;
  return { code: place.code, name: place.name, figures: figures?.figures ?? performanceFigures(sumTotals([])), open: counts };
}

/**
 * A unit's 工作考核 table (the `performance` contract): the groups' figures and open cases from the
 * database (performance.repository.ts), every child unit listed from `regions` (zeros where none), or every
 * worker with figures or open cases named from `users`. The total row is the unit's whole: reports that
 * belong to no row (owned above the grids, or looked at by nobody yet) count in it.
 */
export async function performanceTable(unit: AskedUnit, request: PerformanceRequest, now: number): Promise<PerformanceTable> {
  const query = { level: unit.level, code: unit.code, from: request.from, to: request.to };
  const [places, units, byWorker, openByUnit, openByWorker] = await Promise.all([
    request.by === 'units' ? unitsOf(unit) : Promise.resolve([]),
    performanceByUnit(query),
    request.by === 'workers' ? performanceByWorker(query) : Promise.resolve([]),
    openCases(unit, 'units', now),
    request.by === 'workers' ? openCases(unit, 'workers', now) : Promise.resolve([]),
  ]);
  const total: PerformanceRow = {
    code: unit.code,
    name: unit.name,
    figures: performanceFigures(sumTotals(units)),
    open: sumOpen(openByUnit),
  };
  const groups = request.by === 'units' ? units : byWorker;
  const opens = request.by === 'units' ? openByUnit : openByWorker;
  const rowPlaces = request.by === 'units' ? places : await workersOf([...groups, ...opens]);
  const rows = rowPlaces.map((place) =>
    rowOf(
      place,
      groups.find((group) => group.code === place.code),
      opens.find((open) => open.code === place.code),
    ),
  );
  return { unit, total, rows };
}

/** The rows of `by: 'units'`: the child units, a grid its own. */
async function unitsOf(unit: AskedUnit): Promise<PlaceName[]> {
  return unit.level === 'grid' ? [{ code: unit.code, name: unit.name }] : childPlaces(CHILD_LEVEL[unit.level], unit.code);
}

/** The rows of `by: 'workers'`: every person some group names, with their name (one read of `users` by _id). */
async function workersOf(groups: readonly { readonly code: string | null }[]): Promise<PlaceName[]> {
  const ids = [...new Set(groups.flatMap((group) => (group.code === null ? [] : [group.code])))];
  const names = new Map((await personNames(ids)).map((person) => [person._id, person.name]));
  return ids
    .map((id) => ({ code: id, name: names.get(id) ?? id }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.code < b.code ? -1 : 1));
}
