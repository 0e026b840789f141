import { NEARBY_REPORTS_MAX } from '../contracts/report-follows.contract';
import { haversineDistanceM } from '../geo/haversine';
import type { LngLat } from '../geo/lng-lat';
import type { DuplicateSearch } from './duplicate-candidates';
import type { Report } from './report';
import { isOpen, REPORT_STATUSES, type ReportStatus } from './report-status';

/**
 * 我也遇到: the open reports near a point that a resident about to report may follow instead, and who may
 * follow which report. The database is asked for the near ones as for duplicates (the 2dsphere index,
 * the category's duplicate radius); this rule decides exactly and orders them.
 */

/** The statuses a report can be followed in, and is listed nearby in: still being handled. */
export const FOLLOWABLE_STATUSES: readonly ReportStatus[] = REPORT_STATUSES.filter(isOpen);

/** Distances are shown to the nearest 10 m: enough to recognise the place, too coarse to pin down someone's point. */
const DISTANCE_STEP_M = 10;

/**
 * What to ask the database for around a point, or undefined where the category is never a duplicate by
 * place (radius 0, such as 治安线索: nobody learns of those). No time window: an old case still open is
 * the one most worth a neighbour's support.
 */
export function nearbySearchOf(categoryCode: string, location: LngLat, radiusM: number): DuplicateSearch | undefined {
  return radiusM > 0 ? { categoryCode, location, radiusM, since: 0 } : undefined;
}

type Near = Pick<Report, 'id' | 'categoryCode' | 'status' | 'submittedAt' | 'location'>;

/**
 * The open reports of the search's category within its radius (by haversine), nearest first, then the
 * oldest (the first report is the one to follow), then by id; at most NEARBY_REPORTS_MAX, each with its
 * distance rounded to DISTANCE_STEP_M.
 */
export function nearbyReportsOf<T extends Near>(search: DuplicateSearch, found: readonly T[]): { report: T; distanceM: number }[] {
  return found
    .filter((near) => near.categoryCode === search.categoryCode && isOpen(near.status) && near.location !== undefined)
    .map((report) => ({ report, exact: haversineDistanceM(search.location, report.location as LngLat) }))
    .filter(({ exact }) => exact <= search.radiusM)
    .sort((a, b) => a.exact - b.exact || a.report.submittedAt - b.report.submittedAt || (a.report.id < b.report.id ? -1 : 1))
    .slice(0, NEARBY_REPORTS_MAX)
    .map(({ report, exact }) => ({ report, distanceM: Math.round(exact / DISTANCE_STEP_M) * DISTANCE_STEP_M }));
}

/** Why a person may not follow a report, or undefined when they may. */
export type FollowProblem = 'hidden' | 'own' | 'not_open';

/**
 * Whether a person may follow a report: only one that 我也遇到 could have shown them (a category found by
 * place, radius > 0), not their own, and only while it is open. `hidden` is for a report they could not
 * have found (and may not see): it does not exist for them.
 */
export function followProblem(
  report: Pick<Report, 'reporterId' | 'status'>,
  personId: string,
  radiusM: number,
  maySee: boolean,
): FollowProblem | undefined {
  if (report.reporterId === personId) return 'own';
  if (!maySee && (radiusM <= 0 || !isOpen(report.status))) return 'hidden';
  return isOpen(report.status) ? undefined : 'not_open';
}
