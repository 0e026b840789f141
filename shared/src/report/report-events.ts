import { OWNER_LEVELS, type OwnerLevel, levelDepth } from '../grid/grid-level';
import type { Actor } from '../people/actor';
import { type Report, type ReportEvent, withEvent } from './report';
import type { EventAction, HandBackGrid, TransitionOutcome } from './report-action';
import { hasText, noteOf } from './report-note';
import { isOpen } from './report-status';
import { ESCALATABLE_STATUSES, EVENT_AUTHORITY, HAND_BACK_STATUSES, authorityProblem } from './report-transitions';

/**
 * Applies an event that is not a transition of the table (who may make each: EVENT_AUTHORITY in
 * report-transitions.ts):
 * - `escalate` (上报上级, by the owning staff) moves the owner one level up its region path and puts the
 *   case back to `accepted` there, unassigned; the handling clock runs on from the first acceptance;
 * - `handBack` (下派, by the owning centre, before 派单) names a grid under it as the owner, the region path
 *   becoming that grid's; the status and the clock stay;
 * - `supervise` (督办, by a centre above the owner, on an open case) leaves a note the owner must answer;
 * - `answerSupervision` (by the owning staff) answers it.
 */
export function applyReportEvent(report: Report, action: EventAction, actor: Actor, now: number): TransitionOutcome {
  switch (action.type) {
    case 'escalate':
      return escalate(report, action, actor, now);
    case 'handBack':
      return handBack(report, action, actor, now);
    case 'supervise':
      if (!isOpen(report.status)) return { ok: false, code: 'REPORT.INVALID_TRANSITION' };
      if (authorityProblem(EVENT_AUTHORITY.supervise, actor, report, action)) return { ok: false, code: 'REPORT.FORBIDDEN' };
      if (!hasText(action.note)) return { ok: false, code: 'REPORT.NOTE_REQUIRED' };
      return record(report, { type: 'supervised', note: action.note, supervisionPending: true }, actor, now);
    case 'answerSupervision':
      if (!report.supervisionPending) return { ok: false, code: 'REPORT.NO_SUPERVISION' };
      if (authorityProblem(EVENT_AUTHORITY.answerSupervision, actor, report, action)) return { ok: false, code: 'REPORT.FORBIDDEN' };
      if (!hasText(action.note)) return { ok: false, code: 'REPORT.NOTE_REQUIRED' };
      return record(report, { type: 'supervision_answered', note: action.note, supervisionPending: false }, actor, now);
  }
}

function escalate(report: Report, action: EventAction, actor: Actor, now: number): TransitionOutcome {
  if (!ESCALATABLE_STATUSES.includes(report.status)) return { ok: false, code: 'REPORT.INVALID_TRANSITION' };
  if (authorityProblem(EVENT_AUTHORITY.escalate, actor, report, action)) return { ok: false, code: 'REPORT.FORBIDDEN' };
  const owner = ownerAbove(report);
  if (!owner) return { ok: false, code: 'REPORT.CANNOT_ESCALATE' };
  const event = { type: 'escalated', at: now, actorId: actor.id, status: 'accepted', owner, ...noteOf(action.note) } as const;
  const changes = { ownerCode: owner.code, ownerLevel: owner.level, assignee: undefined };
  return { ok: true, ...withEvent(report, event, changes) };
}

type HandBack = Extract<EventAction, { type: 'handBack' }>;

function handBack(report: Report, action: HandBack, actor: Actor, now: number): TransitionOutcome {
  if (!HAND_BACK_STATUSES.includes(report.status)) return { ok: false, code: 'REPORT.INVALID_TRANSITION' };
  if (authorityProblem(EVENT_AUTHORITY.handBack, actor, report, action)) return { ok: false, code: 'REPORT.FORBIDDEN' };
  if (!isGridUnderOwner(report, action.to)) return { ok: false, code: 'REPORT.INVALID_HAND_BACK' };
  if (!hasText(action.note)) return { ok: false, code: 'REPORT.NOTE_REQUIRED' };
  const owner = { code: action.to.code, level: 'grid' } as const;
  const event = { type: 'handed_back', at: now, actorId: actor.id, status: report.status, owner, note: action.note } as const;
  return { ok: true, ...withEvent(report, event, { ownerCode: owner.code, ownerLevel: 'grid', regionPath: action.to.regionPath }) };
}

/**
 * Whether the grid lies under the owning place: its path names the owner at the owner's level. A case a
 * grid owns has no grid under it to go to (a grid's staff 改派 within it).
 */
function isGridUnderOwner(report: Report, to: HandBackGrid): boolean {
  return report.ownerLevel !== 'grid' && to.regionPath.grid === to.code && to.regionPath[report.ownerLevel] === report.ownerCode;
}

/** The nearest place above the owner on the report's region path (grid → community → street → county). */
export function ownerAbove(report: Pick<Report, 'ownerLevel' | 'regionPath'>): { code: string; level: OwnerLevel } | undefined {
  const above = OWNER_LEVELS.filter((level) => levelDepth(level) < levelDepth(report.ownerLevel)).reverse();
  for (const level of above) {
    const code = report.regionPath[level];
    if (code !== undefined) return { code, level };
  }
  return undefined;
}

type Supervision = { type: 'supervised' | 'supervision_answered'; note: string; supervisionPending: boolean };

function record(report: Report, { type, note, supervisionPending }: Supervision, actor: Actor, now: number): TransitionOutcome {
  const event = { type, at: now, actorId: actor.id, status: report.status, note };
  return { ok: true, ...withEvent(report, event, { supervisionPending }) };
}

/**
 * The timeline's record that the award a report paid was reversed (冲正, cloudfunctions/src/points/award-reversal.ts):
 * an event, not a transition — the status stays — with the cause and the staff's words, so its reporter and
 * staff read on the report why the money or points were taken back.
 */
export function awardReversedEvent(
  report: Report,
  reversal: { readonly cause: 'invalid' | 'duplicate'; readonly note: string },
  actor: Pick<Actor, 'id'>,
  now: number,
): ReportEvent {
  const event = {
    type: 'award_reversed',
    at: now,
    actorId: actor.id,
    status: report.status,
    note: reversal.note,
    reversalCause: reversal.cause,
  } as const;
  return withEvent(report, event, {}).event;
}
