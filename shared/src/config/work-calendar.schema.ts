import * as z from 'zod/mini';
import { minuteOfDayMs } from '../time/work-calendar';
import { unique } from './unique';

const clockSchema = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time of day, HH:mm'));

/** Whether `YYYY-MM-DD` names a real day (Date rolls 2026-02-30 over to March, and 2026-13-01 is no date at all). */
function isCalendarDay(date: string): boolean {
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().startsWith(date);
}

/** A real calendar day, `YYYY-MM-DD` (2026-02-30 is refused). */
const dateSchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD'), z.refine(isCalendarDay, 'not a calendar day'));

const periodSchema = z
  .object({ start: clockSchema, end: clockSchema })
  .check(z.refine((period) => minuteOfDayMs(period.start) < minuteOfDayMs(period.end), 'a period ends after it starts'));

/**
 * The county's work calendar (settings/workCalendar, seeded from data/demo-county/work-calendar.json):
 * the clocks of categories counted in working hours run only inside it (shared/src/time/work-calendar.ts).
 * At least one period and one working weekday, so that every clock ends.
 */
export const workCalendarSchema = z
  .object({
    periods: z.array(periodSchema).check(z.minLength(1)),
    weekdays: z.array(z.int().check(z.gte(1), z.lte(7))).check(z.minLength(1)),
    holidays: z.array(dateSchema),
    workdays: z.array(dateSchema),
  })
  .check(
    z.refine(
      (calendar) =>
        calendar.periods.every((period, i) => i === 0 || minuteOfDayMs(calendar.periods[i - 1]!.end) <= minuteOfDayMs(period.start)),
      'periods are in order and do not overlap',
    ),
    z.refine((calendar) => unique(calendar.weekdays.map(String)), 'weekdays must be unique'),
    z.refine((calendar) => unique([...calendar.holidays, ...calendar.workdays]), 'a date is a holiday or a make-up working day, once'),
  );

/** The file data/demo-county/work-calendar.json: the calendar, and a note saying where its dates come from. */
export const workCalendarFileSchema = z.object({ note: z.optional(z.string()), calendar: workCalendarSchema });

export type WorkCalendarFile = z.infer<typeof workCalendarFileSchema>;
