import type { LngLat } from '../geo/lng-lat';
import type { OwnerLevel } from '../grid/grid-level';
import type { RegionPath } from '../grid/grid-tree';
import type { RouteReason, RouteResult } from '../routing/route-report';
import type { ReportStatus } from './report-status';

/** Who a case is assigned to: a named person, or a department (消防救援站 …) whose staff act for it. */
export type Assignee =
  { readonly kind: 'person'; readonly personId: string } | { readonly kind: 'department'; readonly department: string };

export const REJECT_REASONS = ['invalid', 'duplicate', 'out_of_scope'] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** Why a report was rejected; a duplicate names the report it repeats. */
export type Rejection = { readonly reason: 'invalid' | 'out_of_scope' } | { readonly reason: 'duplicate'; readonly duplicateOf: string };

/** The reporter's verdict: satisfaction 1–5 and an optional comment. */
export type Rating = { readonly satisfaction: number; readonly comment?: string };

export const REPORT_EVENT_TYPES = [
  'submitted',
  'accepted',
  'rejected',
  'withdrawn',
  'assigned',
  'reassigned',
  'started',
  'resolved',
  'closed',
  'reworked',
  'rated',
  'reopened',
  'escalated',
  'supervised',
  'supervision_answered',
  'handed_back',
  'award_reversed',
] as const;
export type ReportEventType = (typeof REPORT_EVENT_TYPES)[number];

/** One entry of the timeline: appended for every transition and event, never edited. */
export type ReportEvent = {
  /** Position in the timeline, from 0; with the report id it names the event. */
  readonly seq: number;
  readonly type: ReportEventType;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly actorId: string;
  /** The report's status after the event. */
  readonly status: ReportStatus;
  readonly note?: string;
  readonly photos?: readonly string[];
  readonly rejection?: Rejection;
  /** For `assigned` and `reassigned`: who the case went to. */
  readonly assignee?: Assignee;
  /** For `reassigned`: who had it before. */
  readonly previousAssignee?: Assignee;
  /** For `escalated` and `handed_back` (下派): the new owner. */
  readonly owner?: { readonly code: string; readonly level: OwnerLevel };
  readonly rating?: Rating;
  /** For `award_reversed` (冲正, not a transition): why the award was taken back; the staff's words are the note. */
  readonly reversalCause?: 'invalid' | 'duplicate';
};

/** A case (案卷): what was reported, where it was routed, where it stands, and its timeline. */
export type Report = {
  readonly id: string;
  readonly reporterId: string;
  readonly anonymous: boolean;
  readonly categoryCode: string;
  readonly text: string;
  readonly photos: readonly string[];
  readonly location?: LngLat;
  readonly status: ReportStatus;
  readonly routeReason: RouteReason;
  readonly ownerCode: string;
  readonly ownerLevel: OwnerLevel;
  readonly regionPath: RegionPath;
  readonly microGridCode?: string;
  readonly departments: readonly string[];
  readonly assignee?: Assignee;
  readonly resolvedBy?: string;
  readonly rejection?: Rejection;
  readonly rating?: Rating;
  /** A 督办 note from above awaits the owner's answer. */
  readonly supervisionPending: boolean;
  /** Epoch milliseconds of submission, first acceptance, rejection and the latest resolution. */
  readonly submittedAt: number;
  readonly acceptedAt?: number;
  readonly rejectedAt?: number;
  readonly resolvedAt?: number;
  readonly events: readonly ReportEvent[];
};

/** What a submission brings: the reported facts, where routing put them, and when. */
export type NewReportInput = Pick<Report, 'id' | 'reporterId' | 'anonymous' | 'categoryCode' | 'text' | 'photos' | 'location'> & {
  readonly route: RouteResult;
  /** Epoch milliseconds. */
  readonly now: number;
};

/** A freshly submitted report, owned where routing put it, with its `submitted` event. */
export function newReport(input: NewReportInput): Report {
  const { route, now, ...reported } = input;
  return {
    ...reported,
    status: 'submitted',
    routeReason: route.reason,
    ownerCode: route.ownerCode,
    ownerLevel: route.ownerLevel,
    regionPath: route.regionPath,
    ...(route.microGridCode !== undefined && { microGridCode: route.microGridCode }),
    departments: route.departments,
    supervisionPending: false,
    submittedAt: now,
    events: [{ seq: 0, type: 'submitted', at: now, actorId: input.reporterId, status: 'submitted' }],
  };
}

/**
 * The report with one more event appended and the changes it brings; a change to `undefined` removes
 * the field, so stored documents never carry undefined values.
 */
export function withEvent(
  report: Report,
  event: Omit<ReportEvent, 'seq'>,
  changes: Partial<Report>,
): { report: Report; event: ReportEvent } {
  const appended: ReportEvent = { seq: report.events.length, ...event };
  const merged: Report = { ...report, ...changes, status: event.status, events: [...report.events, appended] };
  return { report: withoutUndefined(merged), event: appended };
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
