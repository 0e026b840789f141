import * as z from 'zod/mini';
import { gridCodeSchema, serviceCodeSchema } from '../contracts/common.schema';
import { hasRole, type Actor } from '../people/actor';
import type { RegionPath } from '../grid/grid-tree';
import { shanghaiDayKey, shanghaiDayStart } from '../time/shanghai-time';

/** A slot's clock time, Asia/Shanghai, `HH:mm`. */
export const clockSchema = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));

/** Most people one slot serves, and most slots a service has a week. */
export const SLOT_CAPACITY_MAX = 50;
export const SLOTS_PER_SERVICE_MAX = 28;
/** How many days ahead a resident may book (today included). */
export const BOOKING_DAYS_AHEAD = 7;

/** A weekly slot: the weekday (1 Monday … 7 Sunday), its start and end, and how many it serves. */
export const weeklySlotSchema = z
  .object({
    weekday: z.int().check(z.gte(1), z.lte(7)),
    start: clockSchema,
    end: clockSchema,
    capacity: z.int().check(z.gte(1), z.lte(SLOT_CAPACITY_MAX)),
  })
  .check(z.refine((slot) => slot.start < slot.end, 'a slot ends after it starts'));

/** One service a grid offers, with its weekly slots. */
export const gridServiceSchema = z.object({
  serviceCode: serviceCodeSchema,
  slots: z.array(weeklySlotSchema).check(z.maxLength(SLOTS_PER_SERVICE_MAX)),
});

/** A grid's catalogue (docs/DESIGN.md, "Service orders (居民点单)"): the services it offers, each once. */
export const gridCatalogueSchema = z
  .object({ gridCode: gridCodeSchema, services: z.array(gridServiceSchema).check(z.maxLength(30)) })
  .check(
    z.refine((catalogue) => new Set(catalogue.services.map((s) => s.serviceCode)).size === catalogue.services.length, {
      message: 'a service is listed twice',
    }),
  );

export type WeeklySlot = z.infer<typeof weeklySlotSchema>;
export type GridService = z.infer<typeof gridServiceSchema>;
export type GridCatalogue = z.infer<typeof gridCatalogueSchema>;

/** One bookable occurrence of a weekly slot: its key (`YYYY-MM-DDTHH:mm`), instants and capacity. */
export type SlotOccurrence = {
  readonly key: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly startsAt: number;
  readonly endsAt: number;
  readonly capacity: number;
};

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/**
 * The occurrences of a service's weekly slots a resident may book at `now`: those starting later today or
 * in the next BOOKING_DAYS_AHEAD − 1 days (Asia/Shanghai), earliest first.
 */
export function upcomingSlots(service: GridService, now: number, days = BOOKING_DAYS_AHEAD): SlotOccurrence[] {
  const today = shanghaiDayStart(now);
  const occurrences: SlotOccurrence[] = [];
  for (let day = 0; day < days; day++) {
    const dayStart = today + day * DAY_MS;
    const weekday = weekdayOf(dayStart);
    for (const slot of service.slots.filter((s) => s.weekday === weekday)) {
      const occurrence = occurrenceOf(slot, dayStart);
      if (occurrence.startsAt > now) occurrences.push(occurrence);
    }
  }
  return occurrences.sort((a, b) => a.startsAt - b.startsAt || a.key.localeCompare(b.key));
}

/** The bookable occurrence a slot key names at `now`, or undefined when the service has no such slot ahead. */
export function findUpcomingSlot(service: GridService, key: string, now: number): SlotOccurrence | undefined {
  return upcomingSlots(service, now).find((occurrence) => occurrence.key === key);
}

/** The id of a slot occurrence's booking counter: `<grid>:<service>:<YYYY-MM-DDTHH:mm>`. */
export function slotCounterId(gridCode: string, serviceCode: string, key: string): string {
  return `${gridCode}:${serviceCode}:${key}`;
}

/**
 * Who may edit a grid's catalogue: the centre of the grid's community, and the grid's 网格长. The street
 * and county centres look over it but do not run it.
 */
export function mayEditGridCatalogue(actor: Actor, grid: { readonly code: string; readonly regionPath: RegionPath }): boolean {
  const centre = hasRole(actor, 'centre') ? actor.centre : undefined;
  if (centre?.level === 'community' && grid.regionPath.community === centre.regionCode) return true;
  return hasRole(actor, 'gridLeader') && actor.gridCodes.includes(grid.code);
}

function occurrenceOf(slot: WeeklySlot, dayStart: number): SlotOccurrence {
  const date = shanghaiDayKey(dayStart);
  return {
    key: `${date}T${slot.start}`,
    date,
    start: slot.start,
    end: slot.end,
    startsAt: dayStart + minutesOf(slot.start) * MINUTE_MS,
    endsAt: dayStart + minutesOf(slot.end) * MINUTE_MS,
    capacity: slot.capacity,
  };
}

/** 1 Monday … 7 Sunday of the Asia/Shanghai day starting at `dayStart`. */
function weekdayOf(dayStart: number): number {
  const utcDay = new Date(dayStart + 8 * 3_600_000).getUTCDay();
  return utcDay === 0 ? 7 : utcDay;
}

function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}
