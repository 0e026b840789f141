import { OWNER_LEVELS, type OwnerLevel, levelDepth } from '../grid/grid-level';
import type { Actor } from '../people/actor';
import { type Report, withEvent } from './report';
import type { EventAction, TransitionOutcome } from './report-action';
import { hasText, noteOf } from './report-note';
import { isOpen } from './report-status';
import { ESCALATABLE_STATUSES, EVENT_AUTHORITY, authorityProblem } from './report-transitions';

/**
 * Applies an event that is not a transition of the table (who may make each: EVENT_AUTHORITY in
 * report-transitions.ts):
 * - `escalate` (上报上级, by the owning staff) moves the owner one level up its region path and puts the
 *   case back to `accepted` there, unassigned; the handling clock runs on from the first acceptance;
 * - `supervise` (督办, by a centre above the owner, on an open case) leaves a note the owner must answer;
 * - `answerSupervision` (by the owning staff) answers it.
 */
export function applyReportEvent(report: Report, action: EventAction, actor: Actor, now: number): TransitionOutcome {
  switch (action.type) {
    case 'escalate':
      return escalate(report, action, actor, now);
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

/** The nearest place above the owner on the report's region path (grid → community → street → county). */
function ownerAbove(report: Report): { code: string; level: OwnerLevel } | undefined {
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
