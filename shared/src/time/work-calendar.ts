import { shanghaiDayKey, shanghaiDayStart } from './shanghai-time';

/**
 * When a county's offices work (settings/workCalendar, checked by workCalendarSchema): the working periods
 * of a working day as Asia/Shanghai `HH:mm` (ascending, not overlapping), the ISO weekdays that work
 * (1 = Monday … 7 = Sunday), the public holidays (`YYYY-MM-DD`, off whatever the weekday), and the 调休
 * make-up working days (`YYYY-MM-DD`, working whatever the weekday).
 */
export type WorkCalendar = {
  readonly periods: readonly WorkPeriod[];
  readonly weekdays: readonly number[];
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
};

/** One working period of a day, `HH:mm` to `HH:mm` in Asia/Shanghai, the end after the start. */
export type WorkPeriod = { readonly start: string; readonly end: string };

/**
 * The calendar the functions fall back on when settings/workCalendar is missing or malformed: the
 * demo's working day on Monday to Friday, with no holidays (the seed writes the real one).
 */
export const DEFAULT_WORK_CALENDAR: WorkCalendar = {
  periods: [
    { start: '08:30', end: '12:00' },
    { start: '14:00', end: '17:30' },
  ],
  weekdays: [1, 2, 3, 4, 5],
  holidays: [],
  workdays: [],
};

const HOUR_MS = 60 * 60 * 1000;
const MINUTE_MS = 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
/** No clock runs longer than this many days ahead: a calendar that never works is a data error, not a hang. */
const MAX_DAYS = 3660;

/** Milliseconds since midnight of an `HH:mm` (24:00 allowed, for a period running to the end of the day). */
export function minuteOfDayMs(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * HOUR_MS + (minutes ?? 0) * MINUTE_MS;
}

/** Whether the Asia/Shanghai day starting at `dayStart` is a working day: holidays off, make-up days on, else by weekday. */
export function isWorkingDay(dayStart: number, calendar: WorkCalendar): boolean {
  const key = shanghaiDayKey(dayStart);
  if (calendar.holidays.includes(key)) return false;
  if (calendar.workdays.includes(key)) return true;
  const isoWeekday = ((new Date(dayStart + SHANGHAI_OFFSET_MS).getUTCDay() + 6) % 7) + 1;
  return calendar.weekdays.includes(isoWeekday);
}

/**
 * The earliest instant by which `ms` of working time has passed since `start`: counting starts at once
 * inside a working period, else at the next one, and stops at the end of each period. So a limit that
 * uses up a period exactly ends at that period's end (12:00, not 14:00), and zero is `start` itself.
 */
export function addWorkingTime(start: number, ms: number, calendar: WorkCalendar): number {
  if (ms <= 0) return start;
  const periods = calendar.periods.map((period) => [minuteOfDayMs(period.start), minuteOfDayMs(period.end)] as const);
  let remaining = ms;
  let dayStart = shanghaiDayStart(start);
  for (let day = 0; day < MAX_DAYS; day += 1, dayStart += DAY_MS) {
    if (!isWorkingDay(dayStart, calendar)) continue;
    for (const [from, to] of periods) {
      const begin = Math.max(start, dayStart + from);
      const end = dayStart + to;
      if (begin >= end) continue;
      if (end - begin >= remaining) return begin + remaining;
      remaining -= end - begin;
    }
  }
  throw new Error(`the work calendar has no working time within ${MAX_DAYS} days of ${new Date(start).toISOString()}`);
}

/**
 * The calendar a report keeps: the same periods and weekdays, and only the holidays and make-up days on
 * or after the day it was made, since no clock of it can start earlier. Keeping it on the report makes
 * its deadlines independent of later edits to the calendar (docs/DESIGN.md, "Time limits and lights").
 */
export function calendarFrom(calendar: WorkCalendar, at: number): WorkCalendar {
  const day = shanghaiDayKey(at);
  return {
    periods: calendar.periods.map(({ start, end }) => ({ start, end })),
    weekdays: [...calendar.weekdays],
    holidays: calendar.holidays.filter((date) => date >= day),
    workdays: calendar.workdays.filter((date) => date >= day),
  };
}
