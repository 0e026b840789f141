import type { Actor } from '../people/actor';
import { shanghaiDayKey, shanghaiDayStart } from '../time/shanghai-time';
import { isGridCaseStaff } from './order-transitions';
import type { OrderSlot, OrderTerms } from './service-order';
import { isGridVolunteer } from './volunteer-application';

/** How far ahead a task may be posted (days), and the longest a task's slot may last. */
export const TASK_DAYS_AHEAD = 30;
export const TASK_MINUTES_MAX = 8 * 60;
/** Service points a task is worth per hour of its slot (a booked service's come from the catalogue). */
export const TASK_POINTS_PER_HOUR = 5;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * A posted task's slot from its Asia/Shanghai date (`YYYY-MM-DD`) and clock times (`HH:mm`), or undefined
 * when it ends before it starts, lasts over TASK_MINUTES_MAX, has started at `now`, or starts beyond
 * TASK_DAYS_AHEAD. Its key is `YYYY-MM-DDTHH:mm`, as a booked slot's.
 */
export function taskSlotOf(date: string, start: string, end: string, now: number): OrderSlot | undefined {
  const dayStart = Date.parse(`${date}T00:00:00+08:00`);
  if (!Number.isFinite(dayStart) || shanghaiDayKey(dayStart) !== date) return undefined;
  const startsAt = dayStart + minutesOf(start) * MINUTE_MS;
  const endsAt = dayStart + minutesOf(end) * MINUTE_MS;
  if (endsAt <= startsAt || endsAt - startsAt > TASK_MINUTES_MAX * MINUTE_MS) return undefined;
  if (startsAt <= now || startsAt >= shanghaiDayStart(now) + TASK_DAYS_AHEAD * DAY_MS) return undefined;
  return { key: `${date}T${start}`, startsAt, endsAt };
}

/** What a task is worth: its slot's minutes, and TASK_POINTS_PER_HOUR for each hour begun (at least one point). */
export function taskTermsOf(slot: OrderSlot): OrderTerms {
  const minutes = Math.round((slot.endsAt - slot.startsAt) / MINUTE_MS);
  return { minutes, points: Math.max(1, Math.ceil(minutes / 60) * TASK_POINTS_PER_HOUR) };
}

/** Whether a volunteer with these skills is asked for: an order needing no skill is for all, else one in common. */
export function suitsSkills(needed: readonly string[] | undefined, skills: readonly string[]): boolean {
  return !needed || needed.length === 0 || needed.some((skill) => skills.includes(skill));
}

/**
 * Whose task hall the caller reads: the open tasks of which grids, for which skills (`any`: the grid's
 * staff see every task). With a grid named, its 网格员/网格长 or a volunteer of it; without one, the grids
 * the caller volunteers in, else the grids they serve as staff. Undefined: the caller has no hall there.
 */
export type HallScope = { readonly gridCodes: readonly string[]; readonly skills: readonly string[] | 'any' };

export function hallScopeOf(actor: Actor, skills: readonly string[], gridCode?: string): HallScope | undefined {
  if (gridCode !== undefined) {
    if (isGridCaseStaff(actor, gridCode)) return { gridCodes: [gridCode], skills: 'any' };
    return isGridVolunteer(actor, gridCode) ? { gridCodes: [gridCode], skills } : undefined;
  }
  const volunteering = actor.gridCodes.filter((code) => isGridVolunteer(actor, code));
  if (volunteering.length > 0) return { gridCodes: volunteering, skills };
  const serving = actor.gridCodes.filter((code) => isGridCaseStaff(actor, code));
  return serving.length > 0 ? { gridCodes: serving, skills: 'any' } : undefined;
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
