import type { Report } from '../report/report';
import type { ReportStatus } from '../report/report-status';
import { addWorkingTime, type WorkCalendar } from './work-calendar';

/**
 * A category's time limits (时限) in hours: natural (wall-clock) hours, or working hours under `calendar`
 * when the category counts working time (a report keeps the calendar as it was when it was made).
 */
export type TimeLimits = {
  readonly acceptLimitHours: number;
  readonly handleLimitHours: number;
  /** How long a case may be overdue (yellow) before it turns red, counted like the limits. */
  readonly redAfterHours: number;
  readonly calendar?: WorkCalendar;
};

/** Green: within the deadline; yellow: past it; red: past it by more than `redAfterHours`. */
export const LIGHTS = ['green', 'yellow', 'red'] as const;
export type Light = (typeof LIGHTS)[number];

/** Which clock applies, its deadline (epoch ms), the light, and whether the light is frozen. */
export type TimeLimitReading = {
  readonly clock: 'accept' | 'handle';
  readonly deadline: number;
  readonly light: Light;
  readonly frozen: boolean;
};

type Clocked = Pick<Report, 'submittedAt' | 'acceptedAt' | 'rejectedAt' | 'resolvedAt'>;

const HOUR_MS = 60 * 60 * 1000;

/**
 * Reads a report's light at `now`: before acceptance the acceptance clock runs from submission (and
 * freezes when the report is rejected); after it the handling clock runs from the first acceptance —
 * rework and escalation do not restart it — and freezes at the latest resolution.
 */
export function timeLimitReading(report: Clocked, limits: TimeLimits, now: number): TimeLimitReading {
  if (report.acceptedAt === undefined) {
    return reading('accept', clockAfter(report.submittedAt, limits.acceptLimitHours, limits), report.rejectedAt, limits, now);
  }
  return reading('handle', clockAfter(report.acceptedAt, limits.handleLimitHours, limits), report.resolvedAt, limits, now);
}

/**
 * The light people see on a report at `now`, in every view: none once it is rejected or withdrawn (a
 * report turned down or taken back has no clock left to watch), else its reading's light.
 */
export function lightOf(report: Clocked & { readonly status: ReportStatus }, limits: TimeLimits, now: number): Light | null {
  return report.status === 'rejected' || report.status === 'withdrawn' ? null : timeLimitReading(report, limits, now).light;
}

/** The light against a deadline, read at `now` or at the moment the clock froze. */
function reading(
  clock: TimeLimitReading['clock'],
  deadline: number,
  frozenAt: number | undefined,
  limits: TimeLimits,
  now: number,
): TimeLimitReading {
  const at = frozenAt ?? now;
  const light: Light = at <= deadline ? 'green' : at <= clockAfter(deadline, limits.redAfterHours, limits) ? 'yellow' : 'red';
  return { clock, deadline, light, frozen: frozenAt !== undefined };
}

/**
 * The instant `hours` after `start` as the limits count them: natural hours, or working hours under the
 * limits' calendar (a start outside working time counts from the next working period). Every deadline
 * and every red margin is one of these, so the stored `deadlineAt` / `redAt` and the lights agree.
 */
export function clockAfter(start: number, hours: number, limits: Pick<TimeLimits, 'calendar'>): number {
  const ms = hoursToMs(hours);
  return limits.calendar ? addWorkingTime(start, ms, limits.calendar) : start + ms;
}

/** Hours (fractional in the data: 0.1, 0.5) as whole milliseconds. */
function hoursToMs(hours: number): number {
  return Math.round(hours * HOUR_MS);
}
