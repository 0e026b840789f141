import * as z from 'zod/mini';
import { OWNER_LEVELS } from '../grid/grid-level';
import { epochMsSchema, placeCodeSchema } from './common.schema';
import { contract } from './contract';

/** The longest period one `performance` call covers: a year, leap day included. */
export const PERFORMANCE_SPAN_MAX_MS = 366 * 24 * 3_600_000;
/** How many months `performanceTrend` reaches back, the current month included. */
export const PERFORMANCE_TREND_MONTHS_MAX = 24;
export const PERFORMANCE_GROUPINGS = ['units', 'workers'] as const;
export type PerformanceGrouping = (typeof PERFORMANCE_GROUPINGS)[number];

const count = z.int().check(z.nonnegative());
const permille = z.nullable(z.int().check(z.gte(0), z.lte(1000)));

/**
 * A unit's (or a worker's) 工作考核 figures for a period, as shared/src/performance/performance-figures.ts
 * works them out: counts, rates in integer per-mille (667 = 66.7 %), null where the denominator is 0 ("—").
 */
export const performanceFiguresSchema = z.object({
  received: count,
  accepted: count,
  validReportPermille: permille,
  closed: count,
  closedPermille: permille,
  onTimePermille: permille,
  rated: count,
  satisfiedPermille: permille,
  averageHandlingHours: z.nullable(z.number().check(z.nonnegative())),
  reworkPermille: permille,
  escalated: count,
  supervised: count,
  supervisionAnswered: count,
  supervisionAnsweredPermille: permille,
});

/** A unit's cases on a running clock now (RUNNING_CLOCK_STATUSES): all, past their deadline (yellow + red), red. */
export const openCountsSchema = z.object({ running: count, overdue: count, red: count });

/**
 * One row of a performance table: a child unit (code = its place code) or a worker (code = personId, name =
 * the person's name), its figures for the period and its open cases now.
 */
export const performanceRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  figures: performanceFiguresSchema,
  open: openCountsSchema,
});

/** A unit and a period of submission, [from, to) in epoch ms, at most PERFORMANCE_SPAN_MAX_MS long. */
export const performanceRequestSchema = z
  .object({
    level: z.enum(OWNER_LEVELS),
    code: placeCodeSchema,
    from: epochMsSchema,
    to: epochMsSchema,
    by: z.enum(PERFORMANCE_GROUPINGS),
  })
  .check(
    z.refine((request) => request.from < request.to && request.to - request.from <= PERFORMANCE_SPAN_MAX_MS, {
      message: 'the period must be non-empty and at most 366 days',
    }),
  );

const unitSchema = z.object({ level: z.enum(OWNER_LEVELS), code: placeCodeSchema, name: z.string() });

/**
 * `performance` (工作考核): a unit's figures for the reports submitted in [from, to), in total and per row.
 * `by: 'units'`: a row per child unit (county → streets, street → communities, community → grids, grid →
 * itself), every child listed, zeros and nulls when it had no reports; `by: 'workers'`: a row per worker the
 * unit's reports count for (docs/DESIGN.md, "工作考核"). For a centre over its region and anything below it,
 * and a 网格长 for their own grids; anyone else, or a code that is no such unit: AUTH.FORBIDDEN.
 */
export const performanceContract = contract(
  'performance',
  performanceRequestSchema,
  z.object({ unit: unitSchema, total: performanceRowSchema, rows: z.array(performanceRowSchema) }),
);

/** A month of a trend: 'YYYY-MM' (Asia/Shanghai), its bounds [from, to) in epoch ms, and its figures. */
export const performanceTrendPointSchema = z.object({
  month: z.string().check(z.regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/)),
  from: epochMsSchema,
  to: epochMsSchema,
  figures: performanceFiguresSchema,
});

/**
 * `performanceTrend`: a unit's figures month by month (Asia/Shanghai calendar months), the last `months`
 * months oldest first, the last point the current month. Who may ask: as `performance`.
 */
export const performanceTrendContract = contract(
  'performanceTrend',
  z.object({
    level: z.enum(OWNER_LEVELS),
    code: placeCodeSchema,
    months: z.int().check(z.gte(1), z.lte(PERFORMANCE_TREND_MONTHS_MAX)),
  }),
  z.object({ points: z.array(performanceTrendPointSchema) }),
);

/**
 * `performanceCsv`: `performance`'s table as a CSV file for Excel (UTF-8 with a BOM, CRLF, Chinese headers,
 * rates as percentages with one decimal, "—" for none, a total row) and the file name to save it under
 * (工作考核_城关镇_2026-11.csv). Who may ask: as `performance`.
 */
export const performanceCsvContract = contract(
  'performanceCsv',
  performanceRequestSchema,
  z.object({ filename: z.string(), csv: z.string() }),
);

export type PerformanceRequest = z.output<typeof performanceRequestSchema>;
export type PerformanceRow = z.infer<typeof performanceRowSchema>;
export type OpenCounts = z.infer<typeof openCountsSchema>;
export type PerformanceTrendPoint = z.infer<typeof performanceTrendPointSchema>;
