import { lightOf, timeLimitReading, seesReporter, type Actor, type InboxItem, type ReportDetail, type ReportSummary } from '@pingan/shared';
import type { EventDoc, ReportDoc } from './report-document';
import type { ReportListDoc } from './reports.repository';

/** A report in a list; its light is read at `now` (none once rejected). */
export function summaryOf(doc: ReportListDoc, now: number): ReportSummary {
  return {
    id: doc._id,
    categoryCode: doc.categoryCode,
    categoryName: doc.terms.name,
    status: doc.status,
    text: doc.text,
    ownerCode: doc.ownerCode,
    ownerLevel: doc.ownerLevel,
    ...(doc.ownerName !== undefined && { ownerName: doc.ownerName }),
    ...(doc.communityName !== undefined && { communityName: doc.communityName }),
    submittedAt: doc.submittedAt,
    light: lightOf(doc, doc.terms, now),
    ...(doc.moderation.pending && { flagged: true }),
  };
}

/** A case in a staff member's inbox, with its deadline and light. */
export function inboxItemOf(doc: ReportListDoc, now: number): InboxItem {
  return {
    ...summaryOf(doc, now),
    deadline: timeLimitReading(doc, doc.terms, now).deadline,
    anonymous: doc.anonymous,
    supervisionPending: doc.supervisionPending,
    supportCount: doc.supportCount ?? 0,
  };
}

/** A report in full for a viewer who may see it; the reporter left out where the viewer may not see them. */
export function detailOf(doc: ReportDoc, viewer: Actor, now: number): ReportDetail {
  const showReporter = seesReporter(viewer, doc);
  return {
    ...summaryOf(doc, now),
    photos: [...doc.photos],
    ...(doc.location && { location: [doc.location[0], doc.location[1]] }),
    ...(doc.microGridCode !== undefined && { microGridCode: doc.microGridCode }),
    departments: [...doc.departments],
    anonymous: doc.anonymous,
    ...(showReporter && { reporter: { id: doc.reporterId, name: doc.reporterName } }),
    ...(doc.rejection && { rejection: { ...doc.rejection } }),
    ...(doc.rating && { rating: { ...doc.rating } }),
    supervisionPending: doc.supervisionPending,
    events: doc.events.map((event) => timelineEventOf(event, showReporter || event.actorId !== doc.reporterId)),
  };
}

function timelineEventOf(event: EventDoc, showActor: boolean): ReportDetail['events'][number] {
  return {
    seq: event.seq,
    type: event.type,
    at: event.at,
    status: event.status,
    ...(showActor && { actor: { id: event.actorId, name: event.actorName ?? '' } }),
    ...(event.note !== undefined && { note: event.note }),
    ...(event.photos !== undefined && { photos: [...event.photos] }),
    ...(event.rejection && { rejection: { ...event.rejection } }),
  };
}
