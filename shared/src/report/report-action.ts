import type { ErrorCode } from '../contracts/error-codes';
import type { RegionPath } from '../grid/grid-tree';
import type { Assignee, Rejection, Report, ReportEvent } from './report';

/** What an actor asks to do to a report: a transition of the table, or an event (escalate, 下派, 督办, answer). */
export type ReportAction =
  | { readonly type: 'accept'; readonly note?: string }
  | ({ readonly type: 'reject'; readonly note?: string } & Rejection)
  | { readonly type: 'withdraw'; readonly note?: string }
  | { readonly type: 'assign'; readonly to: Assignee; readonly note?: string }
  | { readonly type: 'reassign'; readonly to: Assignee; readonly reason: string }
  | { readonly type: 'start'; readonly note?: string }
  | { readonly type: 'resolve'; readonly note?: string; readonly photos?: readonly string[] }
  | { readonly type: 'close'; readonly note?: string }
  | { readonly type: 'rework'; readonly note: string }
  | { readonly type: 'rate'; readonly satisfaction: number; readonly comment?: string }
  | { readonly type: 'reopen'; readonly note: string }
  | { readonly type: 'escalate'; readonly note?: string }
  | { readonly type: 'handBack'; readonly to: HandBackGrid; readonly note: string }
  | { readonly type: 'supervise'; readonly note: string }
  | { readonly type: 'answerSupervision'; readonly note: string };

export type EventAction = Extract<ReportAction, { type: 'escalate' | 'handBack' | 'supervise' | 'answerSupervision' }>;

/** The moves that are events, not transitions of the table. */
export const EVENT_ACTION_TYPES = [
  'escalate',
  'handBack',
  'supervise',
  'answerSupervision',
] as const satisfies readonly EventAction['type'][];

/** Whether the action is one of the events (report-events.ts) rather than a transition of the table. */
export function isEventAction(action: ReportAction): action is EventAction {
  return (EVENT_ACTION_TYPES as readonly string[]).includes(action.type);
}

/** The grid a case is handed down to (下派), with the codes above it as the grid tree has them. */
export type HandBackGrid = { readonly code: string; readonly regionPath: RegionPath };

export type ReportErrorCode = Extract<ErrorCode, `REPORT.${string}`>;

/** An action either yields the next report and the event it appended, or says why not. */
export type TransitionOutcome =
  { readonly ok: true; readonly report: Report; readonly event: ReportEvent } | { readonly ok: false; readonly code: ReportErrorCode };
