import * as z from 'zod/mini';
import { categoryCodeSchema, emptyRequestSchema, serviceCodeSchema } from './common.schema';
import { contract } from './contract';
import { subscribeTemplateIdsSchema } from './messages.contract';

/**
 * What a valid report of a category could earn the caller, before routing is known: community points,
 * and for an informant money (fen) in the grids they are approved for. Null for staff, who earn nothing
 * in their own area, so the form promises them nothing (see points/report-award.ts).
 */
export const rewardOnOfferSchema = z.object({
  points: z.int().check(z.nonnegative()),
  fenInApprovedGrids: z.optional(z.int().check(z.nonnegative())),
});

/** A report category as the form offers it: its name and group, its time limits, and what it pays. */
export const categoryViewSchema = z.object({
  code: categoryCodeSchema,
  name: z.string(),
  group: z.string(),
  acceptLimitHours: z.number().check(z.positive()),
  handleLimitHours: z.number().check(z.positive()),
  /** `working`: the limits count working hours (settings/workCalendar); absent or `natural`: around the clock. */
  clock: z.optional(z.enum(['natural', 'working'])),
  /** Open reports of this category may be shown to residents nearby (never with the reporter). */
  visibleToOtherResidents: z.boolean(),
  reward: z.nullable(rewardOnOfferSchema),
});

/** A service residents may book (居民点单). */
export const serviceViewSchema = z.object({
  code: serviceCodeSchema,
  name: z.string(),
  description: z.string(),
  durationMinutes: z.int().check(z.positive()),
  /** The groups it is meant for (高龄, 独居, 残疾); empty: everyone. */
  forGroups: z.array(z.string()),
});

/**
 * `catalog`: the county's report categories and bookable services, in the county's order, with what a
 * valid report would earn the caller, the skills the services name, and the subscribe-message templates the client asks consent for
 * (one per kind of message; docs/DESIGN.md, "Telling people"). Reference data: a county changes it
 * without a client release.
 */
export const catalogContract = contract(
  'catalog',
  emptyRequestSchema,
  z.object({
    categories: z.array(categoryViewSchema),
    services: z.array(serviceViewSchema),
    /** The skills the services name (skillsOfServices): a volunteer's choices at 网格报到. Optional as below. */
    skills: z.optional(z.array(z.string())),
    /** Always sent by the server; optional so a catalog a device saved before it came still reads. */
    subscribeTemplates: z.optional(subscribeTemplateIdsSchema),
  }),
);

export type CategoryView = z.infer<typeof categoryViewSchema>;
export type ServiceView = z.infer<typeof serviceViewSchema>;
