import { clockAfter, type Light, type TimeLimits } from './time-limit';

const HOUR_MS = 60 * 60 * 1000;

/** How far ahead a running deadline counts as 即将超时 (due soon), in hours: the one value. */
export const DUE_SOON_HOURS = 4;

/**
 * The instant a case turns red: its deadline plus the category's red margin, counted like its limits
 * (natural or working hours, clockAfter). Stored beside `deadlineAt` (`redAt`), so that each light is a
 * range on a stored number and a query can ask an index for it.
 */
export function redAtOf(deadline: number, limits: Pick<TimeLimits, 'redAfterHours' | 'calendar'>): number {
  return clockAfter(deadline, limits.redAfterHours, limits);
}

/** A range on a stored instant: `gte` inclusive, `lt` exclusive. */
export type InstantRange = { readonly gte?: number; readonly lt?: number };

/**
 * The light of a running clock at `now` as ranges on the stored `deadlineAt` and `redAt`, the same
 * boundaries as timeLimitReading: green at or before the deadline, yellow past it up to the red margin,
 * red beyond it.
 */
export function lightBounds(light: Light, now: number): { readonly deadlineAt?: InstantRange; readonly redAt?: InstantRange } {
  switch (light) {
    case 'green':
      return { deadlineAt: { gte: now } };
    case 'yellow':
      return { deadlineAt: { lt: now }, redAt: { gte: now } };
    case 'red':
      return { redAt: { lt: now } };
  }
}

/** 即将超时: a running deadline from now up to DUE_SOON_HOURS ahead. */
export function dueSoonBounds(now: number): InstantRange {
  return { gte: now, lt: now + DUE_SOON_HOURS * HOUR_MS };
}

/** 已超时: a running deadline already passed (yellow or red). */
export function overdueBounds(now: number): InstantRange {
  return { lt: now };
}
