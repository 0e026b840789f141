import {
  DUPLICATE_CANDIDATES_MAX,
  DUPLICATE_TEXT_MAX,
  REPORT_STATUSES,
  haversineDistanceM,
  type Actor,
  type DuplicateCandidate,
  type LngLat,
  type NoDuplicateSearchReason,
  type ReportStatus,
} from '@pingan/shared';
import { mayView, seesReporter } from './report-visibility';
import type { ReportListDoc } from './reports.repository';

/** How far back an original may have been submitted: older ones are a new problem, not the same report. */
export const DUPLICATE_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;

/** Every status but `rejected`: a report turned down cannot be the original another one repeats. */
export const ORIGINAL_STATUSES: readonly ReportStatus[] = REPORT_STATUSES.filter((status) => status !== 'rejected');

/**
 * How many near reports to read for DUPLICATE_CANDIDATES_MAX candidates: some near ones belong to a
 * neighbouring grid the caller may not see, and are dropped after the read.
 */
export const DUPLICATE_READ_LIMIT = DUPLICATE_CANDIDATES_MAX * 3;

/** The database's search: reports of this category within `radiusM` of this point, since `since`. */
export type DuplicateSearch = {
  readonly reportId: string;
  readonly categoryCode: string;
  readonly location: LngLat;
  readonly radiusM: number;
  readonly since: number;
};

type Subject = Pick<ReportListDoc, '_id' | 'categoryCode' | 'location'>;

/** What to ask the database for a report's duplicates, or why there is nothing to ask. */
export function duplicateSearchOf(report: Subject, radiusM: number, now: number): DuplicateSearch | { none: NoDuplicateSearchReason } {
  if (!report.location) return { none: 'no_location' };
  if (!(radiusM > 0)) return { none: 'no_radius' };
  return { reportId: report._id, categoryCode: report.categoryCode, location: report.location, radiusM, since: now - DUPLICATE_WINDOW_DAYS * DAY_MS };
}

/**
 * The candidates among the reports the database found near: the same category, not this report, not
 * rejected, within the window and within the radius by haversine (the database measures on a slightly
 * different sphere and is asked a little wider), and only those the viewer may see — the others are
 * left out, never marked. Nearest first by whole metres (as shown), then the oldest (the first report is
 * the original), then by id.
 */
export function duplicateCandidatesOf(search: DuplicateSearch, found: readonly ReportListDoc[], viewer: Actor): DuplicateCandidate[] {
  return found
    .filter((doc) => doc._id !== search.reportId && doc.categoryCode === search.categoryCode && ORIGINAL_STATUSES.includes(doc.status))
    .filter((doc) => doc.submittedAt >= search.since && mayView(viewer, doc))
    .flatMap((doc) => {
      const distance = doc.location ? haversineDistanceM(search.location, doc.location) : Infinity;
      return distance <= search.radiusM ? [{ doc, distanceM: Math.round(distance) }] : [];
    })
    .sort((a, b) => a.distanceM - b.distanceM || a.doc.submittedAt - b.doc.submittedAt || (a.doc._id < b.doc._id ? -1 : 1))
    .slice(0, DUPLICATE_CANDIDATES_MAX)
    .map(({ doc, distanceM }) => candidateOf(doc, distanceM, viewer));
}

function candidateOf(doc: ReportListDoc, distanceM: number, viewer: Actor): DuplicateCandidate {
  return {
    id: doc._id,
    text: shortText(doc.text),
    status: doc.status,
    submittedAt: doc.submittedAt,
    distanceM,
    ...(doc.ownerName !== undefined && { ownerName: doc.ownerName }),
    ...(seesReporter(viewer, doc) && { reporterName: doc.reporterName }),
    ...(doc.moderation.pending && { flagged: true }),
  };
}

/** The first DUPLICATE_TEXT_MAX characters (code points, so no emoji is cut in half), then an ellipsis. */
export function shortText(text: string): string {
  const chars = [...text.trim()];
  return chars.length <= DUPLICATE_TEXT_MAX ? chars.join('') : `${chars.slice(0, DUPLICATE_TEXT_MAX - 1).join('')}…`;
}
