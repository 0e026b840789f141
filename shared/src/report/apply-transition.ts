import type { Actor } from '../people/actor';
import { type Report, type ReportEvent, withEvent } from './report';
import type { ReportAction, ReportErrorCode, TransitionOutcome } from './report-action';
import { applyReportEvent } from './report-events';
import { hasText, noteOf } from './report-note';
import { type Transition, authorityProblem, transitionFor } from './report-transitions';

/**
 * Applies an action by an actor at `now` (epoch ms): checks the transition table and who may act
 * (report-transitions.ts), then what the action must carry; on success the report has the action's event appended and nothing else lost.
 */
export function applyTransition(report: Report, action: ReportAction, actor: Actor, now: number): TransitionOutcome {
  if (action.type === 'escalate' || action.type === 'supervise' || action.type === 'answerSupervision') {
    return applyReportEvent(report, action, actor, now);
  }
  const transition = transitionFor(action.type, report.status);
  if (!transition) return { ok: false, code: 'REPORT.INVALID_TRANSITION' };
  const refused = authorityProblem(transition.who, actor, report, action);
  if (refused) return { ok: false, code: refused };
  const problem = problemWith(action, report);
  if (problem) return { ok: false, code: problem };
  return { ok: true, ...withEvent(report, eventOf(transition, action, actor, now), changesOf(action, actor, now)) };
}

/** What the action lacks or breaks beyond the table and the authority, if anything. */
function problemWith(action: ReportAction, report: Report): ReportErrorCode | undefined {
  switch (action.type) {
    case 'reject':
      return action.reason === 'duplicate' && action.duplicateOf === report.id ? 'REPORT.INVALID_DUPLICATE' : undefined;
    case 'resolve':
      return (action.photos?.length ?? 0) > 0 || hasText(action.note) ? undefined : 'REPORT.PROOF_REQUIRED';
    case 'rework':
      return hasText(action.note) ? undefined : 'REPORT.NOTE_REQUIRED';
    case 'rate':
      return Number.isInteger(action.satisfaction) && action.satisfaction >= 1 && action.satisfaction <= 5
        ? undefined
        : 'REPORT.INVALID_RATING';
    default:
      return undefined;
  }
}

function eventOf(transition: Transition, action: ReportAction, actor: Actor, now: number): Omit<ReportEvent, 'seq'> {
  const event = { type: transition.event, at: now, actorId: actor.id, status: transition.to };
  switch (action.type) {
    case 'reject':
      return { ...event, ...noteOf(action.note), rejection: rejectionOf(action) };
    case 'assign':
      return { ...event, ...noteOf(action.note), assignee: action.to };
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
      return { assignee: action.to };
    case 'resolve':
      return { resolvedBy: actor.id, resolvedAt: now };
    case 'rework':
      // Back to work: the light unfreezes and runs on from acceptance (rework does not restart the clock).
      return { resolvedBy: undefined, resolvedAt: undefined };
    case 'rate':
      return { rating: ratingOf(action) };
    default:
      return {};
  }
}

function rejectionOf(action: Extract<ReportAction, { type: 'reject' }>) {
  return action.reason === 'duplicate' ? { reason: action.reason, duplicateOf: action.duplicateOf } : { reason: action.reason };
}

function ratingOf(action: Extract<ReportAction, { type: 'rate' }>) {
  return { satisfaction: action.satisfaction, ...(hasText(action.comment) && { comment: action.comment }) };
}
