import type { Actor } from '../people/actor';
import { type Assignee, type Report, type ReportEvent, withEvent } from './report';
import { type ReportAction, type ReportErrorCode, type TransitionOutcome, isEventAction } from './report-action';
import { applyReportEvent } from './report-events';
import { hasText, noteOf } from './report-note';
import { type Transition, authorityProblem, transitionFor } from './report-transitions';

/**
 * Applies an action by an actor at `now` (epoch ms): checks the transition table and who may act
 * (report-transitions.ts), then what the action must carry; on success the report has the action's event appended and nothing else lost.
 */
export function applyTransition(report: Report, action: ReportAction, actor: Actor, now: number): TransitionOutcome {
  if (isEventAction(action)) return applyReportEvent(report, action, actor, now);
  const transition = transitionFor(action.type, report.status);
  if (!transition) return { ok: false, code: 'REPORT.INVALID_TRANSITION' };
  const refused = authorityProblem(transition.who, actor, report, action);
  if (refused) return { ok: false, code: refused };
  const problem = problemWith(action, report, now);
  if (problem) return { ok: false, code: problem };
  return { ok: true, ...withEvent(report, eventOf(transition, action, actor, report, now), changesOf(action, actor, now)) };
}

/** What the action lacks or breaks beyond the table and the authority, if anything. */
function problemWith(action: ReportAction, report: Report, now: number): ReportErrorCode | undefined {
  switch (action.type) {
    case 'reject':
      return action.reason === 'duplicate' && action.duplicateOf === report.id ? 'REPORT.INVALID_DUPLICATE' : undefined;
    case 'resolve':
      return (action.photos?.length ?? 0) > 0 || hasText(action.note) ? undefined : 'REPORT.PROOF_REQUIRED';
    case 'rework':
      return hasText(action.note) ? undefined : 'REPORT.NOTE_REQUIRED';
    case 'reassign':
      if (!hasText(action.reason)) return 'REPORT.NOTE_REQUIRED';
      return sameAssignee(action.to, report.assignee) ? 'REPORT.INVALID_ASSIGNEE' : undefined;
    case 'reopen':
      if (!hasText(action.note)) return 'REPORT.NOTE_REQUIRED';
      return mayReopen(report, now) ? undefined : 'REPORT.CANNOT_REOPEN';
    case 'rate':
      return Number.isInteger(action.satisfaction) && action.satisfaction >= 1 && action.satisfaction <= 5
        ? undefined
        : 'REPORT.INVALID_RATING';
    default:
      return undefined;
  }
}

function eventOf(transition: Transition, action: ReportAction, actor: Actor, report: Report, now: number): Omit<ReportEvent, 'seq'> {
  const event = { type: transition.event, at: now, actorId: actor.id, status: transition.to };
  switch (action.type) {
    case 'reject':
      return { ...event, ...noteOf(action.note), rejection: rejectionOf(action) };
    case 'assign':
      return { ...event, ...noteOf(action.note), assignee: action.to };
    case 'reassign':
      return { ...event, ...noteOf(action.reason), assignee: action.to, ...(report.assignee && { previousAssignee: report.assignee }) };
    case 'resolve':
      return { ...event, ...noteOf(action.note), ...(action.photos?.length && { photos: action.photos }) };
    case 'rate':
      return { ...event, rating: ratingOf(action) };
    default:
      return 'note' in action ? { ...event, ...noteOf(action.note) } : event;
  }
}

function changesOf(action: ReportAction, actor: Actor, now: number): Partial<Report> {
  switch (action.type) {
    case 'accept':
      return { acceptedAt: now };
    case 'reject':
      return { rejection: rejectionOf(action), rejectedAt: now };
    case 'assign':
    case 'reassign':
      return { assignee: action.to };
    case 'resolve':
      return { resolvedBy: actor.id, resolvedAt: now };
    case 'rework':
      // Back to work: the light unfreezes and runs on from acceptance (rework does not restart the clock).
      return { resolvedBy: undefined, resolvedAt: undefined };
    case 'rate':
      return { rating: ratingOf(action) };
    case 'reopen':
      // The 不满意 verdict stays on the timeline; the case waits for a new one after the next close.
      return { rating: undefined };
    default:
      return {};
  }
}

/** Whether two assignees are the same person or the same department (改派 must change hands). */
function sameAssignee(a: Assignee, b: Assignee | undefined): boolean {
  if (b === undefined || a.kind !== b.kind) return false;
  return a.kind === 'person' ? a.personId === (b as typeof a).personId : a.department === (b as typeof a).department;
}

function rejectionOf(action: Extract<ReportAction, { type: 'reject' }>) {
  return action.reason === 'duplicate' ? { reason: action.reason, duplicateOf: action.duplicateOf } : { reason: action.reason };
}

function ratingOf(action: Extract<ReportAction, { type: 'rate' }>) {
  return { satisfaction: action.satisfaction, ...(hasText(action.comment) && { comment: action.comment }) };
}

/** How long after the close a 不满意 reporter may ask to reopen. */
export const REOPEN_WINDOW_DAYS = 7;
/** The highest satisfaction that counts as 不满意. */
export const REOPEN_MAX_SATISFACTION = 2;
const DAY_MS = 86_400_000;

/** What reopening reads of a case: its rating and the types and times of its steps (a view's timeline will do). */
export type ReopenableCase = Pick<Report, 'rating'> & { readonly events: readonly Pick<ReportEvent, 'type' | 'at'>[] };

/**
 * Reopening is for a 不满意 rating, once per case, within the window counted from the latest close; the
 * report page asks the same to offer 申请重新办理 (its status and reporter are the table's to check).
 */
export function mayReopen(report: ReopenableCase, now: number): boolean {
  const closedAt = report.events.reduce<number | undefined>((at, event) => (event.type === 'closed' ? event.at : at), undefined);
  const unhappy = (report.rating?.satisfaction ?? Infinity) <= REOPEN_MAX_SATISFACTION;
  const first = !report.events.some((event) => event.type === 'reopened');
  return unhappy && first && closedAt !== undefined && now - closedAt <= REOPEN_WINDOW_DAYS * DAY_MS;
}
