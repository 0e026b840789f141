import {
  DUPLICATE_CANDIDATES_MAX,
  DUPLICATE_TEXT_MAX,
  type DuplicateCandidate,
  type NoDuplicateSearchReason,
} from '../contracts/duplicate-candidates.contract';
import { haversineDistanceM } from '../geo/haversine';
import type { LngLat } from '../geo/lng-lat';
import type { Actor } from '../people/actor';
import type { Report } from './report';
import { REPORT_STATUSES, type ReportStatus } from './report-status';
import { mayView, seesReporter, type VisibleCase } from './report-visibility';

/**
 * The duplicate-candidate rule (重复上报): which earlier reports a report may repeat, and in what order.
 * The database is asked for the near ones (cloudfunctions' duplicate-candidates.repository.ts, with the
 * values below); this rule then decides exactly.
 */

/** How far back an original may have been submitted: older ones are a new problem, not the same report. */
export const DUPLICATE_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/** Every status but `rejected` and `withdrawn`: a report turned down or taken back cannot be the original another one repeats. */
export const ORIGINAL_STATUSES: readonly ReportStatus[] = REPORT_STATUSES.filter(
  (status) => status !== 'rejected' && status !== 'withdrawn',
);

/**
 * How many near reports to read for DUPLICATE_CANDIDATES_MAX candidates: some near ones belong to a
 * neighbouring grid the caller may not see, and are dropped after the read.
 */
export const DUPLICATE_READ_LIMIT = DUPLICATE_CANDIDATES_MAX * 3;

/** The database's search: reports of this category within `radiusM` of this point, since `since`. */
export type DuplicateSearch = {
  /** The report whose duplicates are sought (left out of the answer); none for a point alone (我也遇到). */
  readonly reportId?: string;
  readonly categoryCode: string;
  readonly location: LngLat;
  readonly radiusM: number;
  readonly since: number;
};

/**
 * A report found near, as the rule and the candidate view read it: the report, with its reporter's and
 * owner's names and whether the content check holds it (view data stored beside the report).
 */
export type NearReport = VisibleCase &
  Pick<Report, 'id' | 'categoryCode' | 'status' | 'submittedAt' | 'location' | 'text'> & {
    readonly reporterName: string;
    readonly ownerName?: string;
    readonly moderation: { readonly pending: boolean };
  };

/** What to ask the database for a report's duplicates, or why there is nothing to ask. */
export function duplicateSearchOf(
  report: Pick<Report, 'id' | 'categoryCode' | 'location'>,
  radiusM: number,
  now: number,
): DuplicateSearch | { none: NoDuplicateSearchReason } {
  if (!report.location) return { none: 'no_location' };
  if (!(radiusM > 0)) return { none: 'no_radius' };
  return {
    reportId: report.id,
    categoryCode: report.categoryCode,
    location: report.location,
    radiusM,
    since: now - DUPLICATE_WINDOW_DAYS * DAY_MS,
  };
}

/**
 * The candidates among the reports the database found near: the same category, not this report, not
 * rejected, within the window and within the radius by haversine (the database measures on a slightly
 * different sphere and is asked a little wider), and only those the viewer may see — the others are
 * left out, never marked. Nearest first by whole metres (as shown), then the oldest (the first report is
 * the original), then by id.
 */
export function duplicateCandidatesOf(search: DuplicateSearch, found: readonly NearReport[], viewer: Actor): DuplicateCandidate[] {
  return found
    .filter((near) => near.id !== search.reportId && near.categoryCode === search.categoryCode && ORIGINAL_STATUSES.includes(near.status))
    .filter((near) => near.submittedAt >= search.since && mayView(viewer, near))
    .flatMap((near) => {
      const distance = near.location ? haversineDistanceM(search.location, near.location) : Infinity;
      return distance <= search.radiusM ? [{ near, distanceM: Math.round(distance) }] : [];
    })
    .sort((a, b) => a.distanceM - b.distanceM || a.near.submittedAt - b.near.submittedAt || (a.near.id < b.near.id ? -1 : 1))
    .slice(0, DUPLICATE_CANDIDATES_MAX)
    .map(({ near, distanceM }) => candidateOf(near, distanceM, viewer));
}

function candidateOf(near: NearReport, distanceM: number, viewer: Actor): DuplicateCandidate {
  return {
    id: near.id,
    text: shortText(near.text),
    status: near.status,
    submittedAt: near.submittedAt,
    distanceM,
    ...(near.ownerName !== undefined && { ownerName: near.ownerName }),
    ...(seesReporter(viewer, near) && { reporterName: near.reporterName }),
    ...(near.moderation.pending && { flagged: true }),
  };
}

/** The first DUPLICATE_TEXT_MAX characters (code points, so no emoji is cut in half), then an ellipsis. */
export function shortText(text: string): string {
  const chars = [...text.trim()];
  return chars.length <= DUPLICATE_TEXT_MAX ? chars.join('') : `${chars.slice(0, DUPLICATE_TEXT_MAX - 1).join('')}…`;
}
