import {
  calendarFrom,
  lightNoticeDueAt,
  performanceFactsOf,
  performanceSharesOf,
  shanghaiMonthKey,
  redAtOf,
  supervisingPlaceOf,
  supervisionListedFrom,
  supervisionsOpenOf,
  supervisionsSentOf,
  timeLimitReading,
  type Category,
  type LightNoticed,
  type PerformanceFacts,
  type PerformanceShare,
  type Report,
  type ReportEvent,
  type TimeLimits,
  type WorkCalendar,
} from '@pingan/shared';
import type { Moderation } from '../platform/content-check';

/**
 * A report as the `reports` collection holds it: the domain's Report (shared/src/report/report.ts) under
 * `_id`, with its timeline embedded as an append-only `events` array, and the storage-only fields beside
 * it (ReportStorage). `version` increments with every change, so a change is a conditional update on
 * (_id, version) or a transaction, never a rewrite.
 */
export type ReportDoc = Omit<Report, 'id' | 'events'> &
  ReportStorage & {
    readonly _id: string;
    readonly events: readonly EventDoc[];
  };

/** What the collection keeps beside the domain's Report: the domain never sees these. */
export type ReportStorage = {
  readonly version: number;
  readonly reporterOpenid: string;
  /** Kept for staff views, which show the reporter unless the report is anonymous. */
  readonly reporterName: string;
  readonly idempotencyKey: string;
  /** A digest of the request, telling a retried submit from a different one reusing its key. */
  readonly requestHash: string;
  /** The category's terms when the report was made: its time limits (and work calendar) and what it pays. */
  readonly terms: CategoryTerms;
  /** The running clock's deadline (epoch ms), kept so that the inbox can list the most urgent first. */
  readonly deadlineAt: number;
  /**
   * When the running clock turns red: deadlineAt plus the category's red margin (redAtOf), kept beside it
   * so that each light is a range on a stored number an index holds (docs/DESIGN.md, "Time limits and
   * lights").
   */
  readonly redAt: number;
  /**
   * What the report adds to its unit's 工作考核 figures (shared/src/performance), rewritten by every
   * transition, so that the figures are a database `$group` of these sums (performance.repository.ts).
   */
  readonly performance: PerformanceFacts;
  /**
   * Which worker each of those facts counts for (performanceSharesOf), rewritten with them, so that the
   * figures per worker are a `$group` by person over these; and the Asia/Shanghai month of submission
   * (`YYYY-MM`), so that a trend is a `$group` by month.
   */
  readonly performanceShares: readonly PerformanceShare[];
  readonly submittedMonth: string;
  /**
   * The 督办 list (shared/src/report/supervision-list.ts), rewritten by every transition since escalation
   * and 下派 move the owner: the supervising place's code (absent at the county), the 督办 notes sent and
   * those awaiting an answer (absent on a report written before these fields: 0), and since when the case
   * is on the list (absent: it is not), so that a centre's list and counts are ranges on one index
   * (supervisor_listed).
   */
  readonly supervisorCode?: string;
  readonly supervisionsSent?: number;
  readonly supervisionsOpen?: number;
  readonly supervisionFrom?: number;
  /** For `nearest` routing: metres from the location to the grid. */
  readonly routeDistanceM?: number;
  readonly moderation: Moderation;
  /**
   * The owner's names as routing found them (城关社区第3网格 in 城关社区), view data for every list and
   * detail. They name the owner they were stored with: a change of owner leaves them behind (docAfter),
   * and the views fall back to level and code.
   */
  readonly ownerName?: string;
  readonly communityName?: string;
  /** How many people follow it (我也遇到, merges), raised with each follow (report-follows.repository.ts); absent = 0. */
  readonly supportCount?: number;
  /**
   * Set by the transition that owes its reporter and followers a message, cleared once they have it: the
   * lowest event seq owed and when it was owed (docs/DESIGN.md, "Telling people"; notifications/).
   */
  readonly notifyFrom?: number;
  readonly notifyDueAt?: number;
  /**
   * The light changes its staff were told of (已超时, 严重超时: the deadline and red instants told), written
   * by clockSweep alone, and the next instant a notice falls due, written by every transition beside the
   * clock (absent: none), so that the sweep reads only what is due (docs/DESIGN.md, "Telling people").
   */
  readonly lightNoticed?: LightNoticed;
  readonly lightNoticeDueAt?: number;
};

/**
 * The storage-only fields, named once: reportOf leaves them behind and docAfter carries them over. The
 * record's type makes the compiler insist that every field of ReportStorage is listed, so a new one
 * cannot leak into the domain's Report.
 */
const STORAGE_ONLY: { readonly [field in keyof ReportStorage]-?: true } = {
  version: true,
  reporterOpenid: true,
  reporterName: true,
  idempotencyKey: true,
  requestHash: true,
  terms: true,
  deadlineAt: true,
  redAt: true,
  performance: true,
  performanceShares: true,
  submittedMonth: true,
  supervisorCode: true,
  supervisionsSent: true,
  supervisionsOpen: true,
  supervisionFrom: true,
  routeDistanceM: true,
  moderation: true,
  ownerName: true,
  communityName: true,
  supportCount: true,
  notifyFrom: true,
  notifyDueAt: true,
  lightNoticed: true,
  lightNoticeDueAt: true,
};
export const STORAGE_ONLY_FIELDS = Object.keys(STORAGE_ONLY) as readonly (keyof ReportStorage)[];

/** An event with the actor's name, so a timeline needs no lookup of people, and its storage-only fields. */
export type EventDoc = ReportEvent & { readonly actorName?: string } & EventStorage;

/**
 * What an event keeps for the server alone (never in a view): for a step with photos (办结's proof), the
 * actor's openid and the upload key, so that reportDetail can derive the actor's slot again and sign a
 * photo only when it lies there.
 */
export type EventStorage = { readonly actorOpenid?: string; readonly uploadKey?: string };

export type CategoryTerms = TimeLimits & {
  readonly name: string;
  readonly informantPointsFen: number;
  readonly residentPoints: number;
};

/**
 * The category's terms a new report keeps, made at `at`: when its clocks count working hours, the work
 * calendar too (calendarFrom), so that no later edit of the category or the calendar moves its deadlines.
 */
export function termsOf(category: Category, calendar: WorkCalendar, at: number): CategoryTerms {
  const { name, acceptLimitHours, handleLimitHours, redAfterHours, informantPointsFen, residentPoints } = category;
  const kept = category.clock === 'working' ? { calendar: calendarFrom(calendar, at) } : {};
  return { name, acceptLimitHours, handleLimitHours, redAfterHours, ...kept, informantPointsFen, residentPoints };
}

export type NewReportExtras = Pick<
  ReportDoc,
  'reporterOpenid' | 'reporterName' | 'idempotencyKey' | 'requestHash' | 'terms' | 'moderation'
> &
  Pick<ReportStorage, 'routeDistanceM' | 'ownerName' | 'communityName'>;

/** The document of a freshly submitted report, at version 1 (one event). */
export function newReportDoc(report: Report, extras: NewReportExtras, now: number): ReportDoc {
  const { id, events, ...fields } = report;
  const stored = Object.fromEntries(Object.entries(extras).filter(([, value]) => value !== undefined)) as NewReportExtras;
  return {
    _id: id,
    ...fields,
    events: events.map((event) => ({ ...event, actorName: extras.reporterName })),
    ...stored,
    version: 1,
    ...clockOf(report, extras.terms, now),
    ...performanceFieldOf(report, extras.terms),
    ...supervisionFieldsOf(report, clockOf(report, extras.terms, now).redAt),
    ...lightNoticeFieldOf(report, clockOf(report, extras.terms, now), undefined),
    supportCount: 0,
  };
}

/** The domain's Report of a document (the storage-only fields left behind). */
export function reportOf(doc: ReportDoc): Report {
  const { _id, ...fields } = doc;
  const report: Record<string, unknown> = { id: _id, ...fields };
  for (const field of STORAGE_ONLY_FIELDS) delete report[field];
  return report as Report;
}

/** The fields that name the owner: they belong to the owner they were stored with. */
const OWNER_NAME_FIELDS = ['ownerName', 'communityName'] as const satisfies readonly (keyof ReportStorage)[];

/** The storage-only fields a transition leaves behind: the owner's names, when the owner changes (escalation). */
export function storageDroppedBy(before: ReportDoc, after: Report): (keyof ReportStorage)[] {
  return after.ownerCode === before.ownerCode ? [] : OWNER_NAME_FIELDS.filter((field) => before[field] !== undefined);
}

/** The storage-only fields of a document carried over to its next state. */
function storageAfter(before: ReportDoc, after: Report): ReportStorage {
  const dropped = storageDroppedBy(before, after);
  const kept = STORAGE_ONLY_FIELDS.filter((field) => before[field] !== undefined && !dropped.includes(field));
  return Object.fromEntries(kept.map((field) => [field, before[field]])) as ReportStorage;
}

/** The document after a transition: the next state, the event appended, the version and deadline moved on. */
export function docAfter(before: ReportDoc, after: Report, event: EventDoc, now: number): ReportDoc {
  const { id, events: _events, ...fields } = after;
  const { supervisorCode: _code, supervisionFrom: _from, lightNoticeDueAt: _due, ...storage } = storageAfter(before, after);
  const clock = clockOf(after, storage.terms, now);
  return {
    _id: id,
    ...fields,
    events: [...before.events, event],
    ...storage,
    version: before.version + 1,
    ...clock,
    ...performanceFieldOf(after, storage.terms),
    ...supervisionFieldsOf(after, clock.redAt),
    ...lightNoticeFieldOf(after, clock, storage.lightNoticed),
  };
}

/** When the state's next light notice falls due (shared/src/report/light-notices.ts); absent: none, removed by the write. */
export function lightNoticeFieldOf(
  report: Report,
  clock: Pick<ReportStorage, 'deadlineAt' | 'redAt'>,
  noticed: LightNoticed | undefined,
): Pick<ReportStorage, 'lightNoticeDueAt'> {
  const due = lightNoticeDueAt(report.status, clock, noticed);
  return due === undefined ? {} : { lightNoticeDueAt: due };
}

/** The stored 督办 fields of a report's state at its clock's `redAt` (an absent one is removed by the write). */
export function supervisionFieldsOf(
  report: Report,
  redAt: number,
): Pick<ReportStorage, 'supervisorCode' | 'supervisionsSent' | 'supervisionsOpen' | 'supervisionFrom'> {
  const supervisorCode = supervisingPlaceOf(report)?.code;
  const supervisionFrom = supervisionListedFrom(report, redAt);
  return {
    ...(supervisorCode !== undefined && { supervisorCode }),
    supervisionsSent: supervisionsSentOf(report),
    supervisionsOpen: supervisionsOpenOf(report),
    ...(supervisionFrom !== undefined && { supervisionFrom }),
  };
}

/** The stored 工作考核 facts of a report's state, who they count for and its month, written beside its clock by every transition. */
export function performanceFieldOf(
  report: Report,
  terms: TimeLimits,
): Pick<ReportStorage, 'performance' | 'performanceShares' | 'submittedMonth'> {
  const performance = performanceFactsOf(report, terms);
  return { performance, performanceShares: performanceSharesOf(report, performance), submittedMonth: shanghaiMonthKey(report.submittedAt) };
}

/** The stored clock of a report's state: the running deadline and when it turns red, for the inbox's index. */
export function clockOf(report: Report, terms: TimeLimits, now: number): Pick<ReportStorage, 'deadlineAt' | 'redAt'> {
  const deadlineAt = timeLimitReading(report, terms, now).deadline;
  return { deadlineAt, redAt: redAtOf(deadlineAt, terms) };
}

type Field = Exclude<keyof Report, 'id' | 'events'>;

/** What a transition changed: fields set to new values, and fields it removed. */
export type ReportChanges = { readonly set: Partial<Record<Field, unknown>>; readonly removed: readonly Field[] };

/** The top-level fields that differ between a report and its next state (the events are appended apart). */
export function reportChanges(before: Report, after: Report): ReportChanges {
  const set: Partial<Record<Field, unknown>> = {};
  const removed: Field[] = [];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)] as (keyof Report)[]);
  for (const field of fields) {
    if (field === 'id' || field === 'events') continue;
    if (after[field] === undefined) {
      if (before[field] !== undefined) removed.push(field);
    } else if (JSON.stringify(after[field]) !== JSON.stringify(before[field])) set[field] = after[field];
  }
  return { set, removed };
}
