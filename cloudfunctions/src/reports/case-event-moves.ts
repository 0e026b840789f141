import {
  EVENT_AUTHORITY,
  HAND_BACK_STATUSES,
  applyTransition,
  authorityProblem,
  type Actor,
  type Report,
  type ReportAction,
  type StaffMove,
} from '@pingan/shared';
import { gridsUnder } from '../routing/regions.repository';

/** A stand-in for the note each form asks for: the rules are asked whether the move is allowed, not about its words. */
const SOME_NOTE = '说明';

export type EventMoves = { readonly moves: readonly StaffMove[]; readonly grids: readonly { code: string; name: string }[] };

/**
 * The events (上报上级, 下派, 督办, 回复督办) the actor may make on the case now, each asked of the shared
 * lifecycle (applyTransition) exactly as its function asks it, and for 下派 the grids it may go down to.
 * The grids are read only when the actor is the owning centre and the case may still be handed down.
 */
export async function eventMovesFor(actor: Actor, report: Report, now: number): Promise<EventMoves> {
  const allowed = (action: ReportAction) => applyTransition(report, action, actor, now).ok;
  const notes = (['escalate', 'supervise', 'answerSupervision'] as const).filter((type) => allowed({ type, note: SOME_NOTE }));
  const grids = await handBackGrids(actor, report, allowed);
  return { moves: grids.length > 0 ? [...notes, 'handBack'] : notes, grids };
}

async function handBackGrids(actor: Actor, report: Report, allowed: (action: ReportAction) => boolean) {
  const level = report.ownerLevel;
  if (level === 'grid' || !HAND_BACK_STATUSES.includes(report.status)) return [];
  const probe: ReportAction = { type: 'handBack', to: { code: '', regionPath: report.regionPath }, note: SOME_NOTE };
  if (authorityProblem(EVENT_AUTHORITY.handBack, actor, report, probe)) return [];
  const grids = await gridsUnder(level, report.ownerCode);
  return grids
    .filter((grid) => allowed({ type: 'handBack', to: { code: grid.code, regionPath: grid.regionPath }, note: SOME_NOTE }))
    .map(({ code, name }) => ({ code, name }));
}
