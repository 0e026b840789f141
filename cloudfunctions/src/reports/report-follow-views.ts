import { lightOf, shortText, type FollowedReport, type NearbyReport } from '@pingan/shared';
import type { ReportDoc } from './report-document';
import type { ReportListDoc } from './reports.repository';
import { summaryOf } from './report-views';

/**
 * A report as 我也遇到 shows it to a neighbour: what and where by name, how far, where it stands, how many
 * follow it. Never the reporter, the photos or the point; the text only once the content check passed it.
 */
export function nearbyItemOf(
  doc: ReportListDoc & { readonly id: string },
  distanceM: number,
  personId: string | undefined,
  following: boolean,
  now: number,
): NearbyReport {
  return {
    id: doc.id,
    categoryCode: doc.categoryCode,
    categoryName: doc.terms.name,
    status: doc.status,
    light: lightOf(doc, doc.terms, now),
    ...(!doc.moderation.pending && { text: shortText(doc.text) }),
    ownerLevel: doc.ownerLevel,
    ...(doc.ownerName !== undefined && { ownerName: doc.ownerName }),
    ...(doc.communityName !== undefined && { communityName: doc.communityName }),
    distanceM,
    submittedAt: doc.submittedAt,
    supportCount: doc.supportCount ?? 0,
    following,
    ...(doc.reporterId === personId && { mine: true }),
  };
}

/** A followed report in the follower's list: as in any list, its text held back while under review. */
export function followedItemOf(doc: ReportListDoc, followedAt: number, now: number): FollowedReport {
  const summary = summaryOf(doc, now);
  return { ...summary, ...(doc.moderation.pending && { text: '' }), followedAt, supportCount: doc.supportCount ?? 0 };
}

/**
 * A report as its follower reads it (reportDetail): the case and its timeline, without the reporter's
 * photos, and without its text while the content check holds it. The reporter's name stays out through
 * seesReporter, which a follower never passes.
 */
export function asSeenByFollower(doc: ReportDoc): ReportDoc {
  return { ...doc, photos: [], ...(doc.moderation.pending && { text: '' }) };
}
