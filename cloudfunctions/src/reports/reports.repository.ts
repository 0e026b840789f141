import { lngLat, type Report } from '@pingan/shared';
import { readKeysetPage, type Page, type PageRead } from '../platform/page-cursor';
import {
  clockOf,
  lightNoticeFieldOf,
  performanceFieldOf,
  reportChanges,
  reportOf,
  storageDroppedBy,
  supervisionFieldsOf,
  type EventDoc,
  type ReportDoc,
} from './report-document';
import { db, isDuplicateKey, oneOf, updatedCount, type Transaction } from '../platform/sdk';
import { notifyOwedBy } from '../notifications/notify-owed';

export const REPORTS = 'reports';

/** A report in a list: everything but its timeline. */
export type ReportListDoc = Omit<ReportDoc, 'events'>;

/** Lists leave the timeline out. */
const LISTED = { collection: REPORTS, field: { events: false } } as const;

/** Stores a new report with its first event; `exists` when its id (or its idempotency key) is taken. */
export async function insertReport(doc: ReportDoc): Promise<'inserted' | 'exists'> {
  try {
    await db()
      .collection(REPORTS)
      .add({ data: toStored(doc) });
    return 'inserted';
  } catch (error) {
    if (isDuplicateKey(error)) return 'exists';
    throw error;
  }
}

export async function findReport(id: string): Promise<ReportDoc | undefined> {
  const stored = await oneOf<ReportDoc>(db().collection(REPORTS).doc(id).get());
  return stored && fromStored(stored);
}

export async function findReportIn(tx: Transaction, id: string): Promise<ReportDoc | undefined> {
  const stored = (await tx.collection(REPORTS).doc(id).get()).data as ReportDoc | null;
  return stored ? fromStored(stored) : undefined;
}

/**
 * Saves a transition if nobody changed the report since it was read: a conditional update on
 * (_id, version) that appends the event. False when another change won; read again and retry.
 */
export async function saveTransition(before: ReportDoc, after: Report, event: EventDoc, now: number): Promise<boolean> {
  const updated = await updatedCount(
    db()
      .collection(REPORTS)
      .where({ _id: before._id, version: before.version })
      .update({ data: transitionUpdate(before, after, event, now) }),
  );
  return updated === 1;
}

/** Saves a transition inside a transaction, which already isolates the read from the write. */
export async function saveTransitionIn(tx: Transaction, before: ReportDoc, after: Report, event: EventDoc, now: number): Promise<void> {
  const { stats } = await tx
    .collection(REPORTS)
    .doc(before._id)
    .update({ data: transitionUpdate(before, after, event, now) });
  if (stats.updated !== 1) throw new Error(`reports/${before._id}: the transition changed nothing`);
}

function transitionUpdate(before: ReportDoc, after: Report, event: EventDoc, now: number): object {
  const _ = db().command;
  const { set, removed } = reportChanges(reportOf(before), after);
  return {
    ...set,
    ...Object.fromEntries([...removed, ...storageDroppedBy(before, after)].map((field) => [field, _.remove()])),
    events: _.push([event]),
    version: _.inc(1),
    ...clockOf(after, before.terms, now),
    // set(): the whole object replaced, not merged field by field.
    ...performanceUpdate(performanceFieldOf(after, before.terms)),
    ...supervisionUpdate(supervisionFieldsOf(after, clockOf(after, before.terms, now).redAt)),
    // A clock restarted (受理) or frozen (办结) moves the next light notice, or ends it.
    lightNoticeDueAt: lightNoticeFieldOf(after, clockOf(after, before.terms, now), before.lightNoticed).lightNoticeDueAt ?? _.remove(),
    ...notifyOwedBy(event),
  };
}

/** The 工作考核 fields as an update: set(), each object and array replaced whole, not merged field by field. */
function performanceUpdate(fields: ReturnType<typeof performanceFieldOf>): object {
  const _ = db().command;
  return {
    performance: _.set(fields.performance),
    performanceShares: _.set(fields.performanceShares),
    submittedMonth: fields.submittedMonth,
  };
}

/** The 督办 fields as an update: each set, and the optional ones a state has not removed (a case leaving the list). */
function supervisionUpdate(fields: ReturnType<typeof supervisionFieldsOf>): object {
  const _ = db().command;
  return {
    ...fields,
    supervisorCode: fields.supervisorCode ?? _.remove(),
    supervisionFrom: fields.supervisionFrom ?? _.remove(),
  };
}

/** A reporter's reports, newest first, a page at a time. */
export function reportsOfReporter(openid: string, page: PageRead): Promise<Page<ReportListDoc>> {
  return readKeysetPage({ ...LISTED, where: { reporterOpenid: openid }, orderBy: 'submittedAt', direction: 'desc' }, page, fromStored);
}

/** The location goes in as a db.Geo.Point, for the 2dsphere index (duplicate search nearby). */
function toStored(doc: ReportDoc): object {
  const { location, ...rest } = doc;
  return location ? { ...rest, location: db().Geo.Point(location[0], location[1]) } : rest;
}

/** …and comes back as one: the domain wants `[lng, lat]` (every read of a report passes through here). */
export function fromStored<T extends { location?: unknown }>(stored: T): T {
  const location = stored.location as { longitude: number; latitude: number } | undefined;
  return location ? { ...stored, location: lngLat(location.longitude, location.latitude) } : stored;
}
