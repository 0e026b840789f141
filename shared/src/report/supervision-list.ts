import type { OwnerLevel } from '../grid/grid-level';
import type { InstantRange } from '../time/light-bounds';
import type { Report } from './report';
import { ownerAbove } from './report-events';
import { RUNNING_CLOCK_STATUSES, isOpen } from './report-status';

/*
 * The 督办 list (docs/DESIGN.md, "Time limits and lights"): each case has one supervising place, the
 * owner's parent on its region path, and is on that place's centre's list while it is open and either red
 * on a running clock or holding a 督办 note its owner has not answered.
 */

type Case = Pick<Report, 'ownerLevel' | 'regionPath' | 'status' | 'supervisionPending' | 'events'>;

/**
 * The place whose centre supervises a case: the owner's parent on the case's region path (a grid's
 * community, a community's street, a street's county) — the very place 上报上级 would move it to; none for
 * a case the county owns.
 */
export function supervisingPlaceOf(report: Pick<Report, 'ownerLevel' | 'regionPath'>): { code: string; level: OwnerLevel } | undefined {
  return ownerAbove(report);
}

/** How many 督办 notes the case has had, answered or not. */
export function supervisionsSentOf(report: Pick<Report, 'events'>): number {
  return report.events.filter((event) => event.type === 'supervised').length;
}

/**
 * How many 督办 notes await an answer: those since the latest 回复督办 (one answer answers every note
 * before it), and none when the case holds no pending 督办.
 */
export function supervisionsOpenOf(report: Pick<Report, 'events' | 'supervisionPending'>): number {
  if (!report.supervisionPending) return 0;
  let open = 0;
  for (const event of report.events) {
    if (event.type === 'supervised') open += 1;
    else if (event.type === 'supervision_answered') open = 0;
  }
  return open;
}

/**
 * Since when the case belongs on its supervisor's 督办 list: for an open case, the earlier of when its
 * running clock turns red (`redAt`) and the oldest 督办 note still unanswered; undefined for a case that
 * cannot be listed (closed, or resolved with nothing unanswered). A case is listed at `now` when this is
 * before `now` — the light's own boundary: red is `redAt < now` (light-bounds.ts).
 */
export function supervisionListedFrom(report: Case, redAt: number): number | undefined {
  if (!isOpen(report.status)) return undefined;
  const running = (RUNNING_CLOCK_STATUSES as readonly string[]).includes(report.status);
  const note = oldestUnansweredNoteAt(report);
  const candidates = [...(running ? [redAt] : []), ...(note !== undefined ? [note] : [])];
  return candidates.length === 0 ? undefined : Math.min(...candidates);
}

/**
 * The cases listed at `now` as a range on the stored `supervisionFrom`: strictly before `now`, the red
 * light's own boundary (red is `redAt < now`, light-bounds.ts), so a case joins the list the instant its
 * light turns red.
 */
export function supervisionListedBounds(now: number): InstantRange {
  return { lt: now };
}

function oldestUnansweredNoteAt(report: Case): number | undefined {
  if (!report.supervisionPending) return undefined;
  let oldest: number | undefined;
  for (const event of report.events) {
    if (event.type === 'supervised') oldest ??= event.at;
    else if (event.type === 'supervision_answered') oldest = undefined;
  }
  return oldest;
}
