import {
  DEFAULT_REPORT_RATE_LIMITS,
  DEFAULT_WORK_CALENDAR,
  reportRateLimitsSchema,
  workCalendarSchema,
  type PointsRules,
  type ReportRateLimits,
  type WorkCalendar,
} from '@pingan/shared';
import { db, oneOf } from '../platform/sdk';

const SETTINGS = 'settings';

/**
 * How reports are routed (the seed writes it): the grid index in storage, built by the seed, named by
 * its content version so a warm instance knows when to reload it; or the database's geo query.
 */
export type RoutingSettings = {
  readonly source: 'storageIndex' | 'databaseGeo';
  readonly indexFileID: string;
  readonly indexVersion: string;
  /** How far a point in a gap between grids may be from the nearest grid and still go to it. */
  readonly maxGapM: number;
};

export async function routingSettings(): Promise<RoutingSettings> {
  return required('routing', await oneOf<RoutingSettings>(db().collection(SETTINGS).doc('routing').get()));
}

export async function pointsRules(): Promise<PointsRules> {
  return required('pointsRules', await oneOf<PointsRules>(db().collection(SETTINGS).doc('pointsRules').get()));
}

/**
 * How many reports each kind of caller may file (`settings/reportRateLimits`). Missing or malformed, the
 * defaults hold: a typo in an admin's edit must not switch the limit off, nor stop every report.
 */
export async function reportRateLimits(): Promise<ReportRateLimits> {
  const stored = await oneOf<unknown>(db().collection(SETTINGS).doc('reportRateLimits').get());
  if (stored === undefined) return DEFAULT_REPORT_RATE_LIMITS;
  const parsed = reportRateLimitsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  console.error('[settings] reportRateLimits is malformed; using the defaults', parsed.error.issues);
  return DEFAULT_REPORT_RATE_LIMITS;
}

/**
 * The county's work calendar (`settings/workCalendar`), which the clocks of `working` categories count.
 * Missing or malformed, the default working day on Monday to Friday holds: a typo in an admin's edit must
 * not stop every report (the seed writes the real one, holidays and 调休 days included).
 */
export async function workCalendar(): Promise<WorkCalendar> {
  const stored = await oneOf<unknown>(db().collection(SETTINGS).doc('workCalendar').get());
  if (stored === undefined) return DEFAULT_WORK_CALENDAR;
  const parsed = workCalendarSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  console.error('[settings] workCalendar is malformed; using the default working week', parsed.error.issues);
  return DEFAULT_WORK_CALENDAR;
}

/** Settings are written by the seed or the admin; a missing one is a deployment bug, not a caller's error. */
function required<T>(name: string, value: T | undefined): T {
  if (value === undefined) throw new Error(`settings/${name} is missing: seed the environment`);
  return value;
}
