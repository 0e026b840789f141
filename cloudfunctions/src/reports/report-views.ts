import {
  isStaff,
  lightOf,
  REPORT_TRANSITIONS,
  timeLimitReading,
  seesReporter,
  type Actor,
  type InboxItem,
  type ReportDetail,
  type ReportEventType,
  type ReportSummary,
  type Role,
  type TimelineActor,
} from '@pingan/shared';
import type { EventDoc, ReportDoc } from './report-document';
import type { ReportListDoc } from './reports.repository';
import type { PersonName } from '../users/users.repository';

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

/** What a detail names beyond the report: its actors as the users collection knows them, its places by name. */
export type DetailNames = {
  readonly people: readonly PersonName[];
  /** Region names by code (the report's grid and community). */
  readonly places: ReadonlyMap<string, string>;
};

/**
 * A report in full for a viewer who may see it (docs/DESIGN.md, "Visibility"): the reporter left out
 * where the viewer may not see them, each step named by who acted and in what capacity, the place by
 * name; coordinates only for staff, a resident reads the grid and community.
 */
export function detailOf(doc: ReportDoc, viewer: Actor, now: number, names: DetailNames): ReportDetail {
  const showReporter = seesReporter(viewer, doc);
  const people = new Map(names.people.map((person) => [person._id, person]));
  const { grid, community } = doc.regionPath;
  const gridName = grid === undefined ? undefined : names.places.get(grid);
  const communityName = (community === undefined ? undefined : names.places.get(community)) ?? doc.communityName;
  return {
    ...summaryOf(doc, now),
    ...(communityName !== undefined && { communityName }),
    ...(gridName !== undefined && { gridName }),
    photos: [...doc.photos],
    ...(doc.location && isStaff(viewer) && { location: [doc.location[0], doc.location[1]] }),
    ...(doc.microGridCode !== undefined && { microGridCode: doc.microGridCode }),
    departments: [...doc.departments],
    anonymous: doc.anonymous,
    ...(showReporter && { reporter: { id: doc.reporterId, name: doc.reporterName } }),
    ...(doc.rejection && { rejection: { ...doc.rejection } }),
    ...(doc.rating && { rating: { ...doc.rating } }),
    supervisionPending: doc.supervisionPending,
    // What an award paid and its reversal are between the reporter and staff: a follower reads the case, not that.
    events: doc.events
      .filter((event) => event.type !== 'award_reversed' || isStaff(viewer) || viewer.id === doc.reporterId)
      .map((event) => {
        const hidden = !showReporter && event.actorId === doc.reporterId;
        return timelineEventOf(event, hidden ? undefined : actorOf(event, doc, people.get(event.actorId)));
      }),
  };
}

/** The steps that are the reporter's own (submitting, and the table's reporter moves): named as the reporter. */
const REPORTER_STEPS: ReadonlySet<ReportEventType> = new Set([
  'submitted',
  ...REPORT_TRANSITIONS.filter((move) => move.who === 'reporter').map((move) => move.event),
]);

/** The capacity a staff member is named in when they hold several roles: the widest first. */
const STAFF_ORDER: readonly Role[] = ['centre', 'gridLeader', 'gridWorker', 'police', 'doctor'];

/** Who acted on a step: their name now (the one stored with the step if they are gone) and the capacity they acted in. */
function actorOf(event: EventDoc, doc: ReportDoc, person: PersonName | undefined): TimelineActor {
  const named = { id: event.actorId, name: person?.name ?? event.actorName ?? '' };
  if (event.actorId === doc.reporterId && REPORTER_STEPS.has(event.type)) return { ...named, role: 'reporter' };
  if (!person) return named;
  const role = STAFF_ORDER.find((staffRole) => person.roles.includes(staffRole));
  if (role === 'centre') return { ...named, role, ...(person.level !== undefined && { centreLevel: person.level }) };
  if (role !== undefined) return { ...named, role };
  if (person.department !== undefined) return { ...named, department: person.department };
  return person.roles[0] === undefined ? named : { ...named, role: person.roles[0] };
}

function timelineEventOf(event: EventDoc, actor: TimelineActor | undefined): ReportDetail['events'][number] {
  return {
    seq: event.seq,
    type: event.type,
    at: event.at,
    status: event.status,
    ...(actor && { actor }),
    ...(event.note !== undefined && { note: event.note }),
    ...(event.photos !== undefined && { photos: [...event.photos] }),
    ...(event.rejection && { rejection: { ...event.rejection } }),
    ...(event.rating && { rating: { ...event.rating } }),
    ...(event.reversalCause !== undefined && { reversalCause: event.reversalCause }),
  };
}
