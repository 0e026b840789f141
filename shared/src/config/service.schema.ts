import * as z from 'zod/mini';
import { serviceCodeSchema } from '../contracts/common.schema';
import { weeklySlotSchema } from '../service/grid-catalogue';
import { unique } from './unique';

/** A bookable service (居民点单, services.json); `volunteerPoints` are service points, not money. */
export const serviceSchema = z.object({
  code: serviceCodeSchema,
  name: z.string().check(z.minLength(1)),
  description: z.string(),
  durationMinutes: z.int().check(z.positive()),
  skills: z.array(z.string()).check(z.minLength(1)),
  volunteerPoints: z.int().check(z.nonnegative()),
  forGroups: z.array(z.string()),
  /** The weekly slots a grid offers it at until the grid sets its own (docs/DESIGN.md, "Service orders (居民点单)"). */
  defaultSlots: z.optional(z.array(weeklySlotSchema)),
});

/** The catalogue: every skill and group a service names must be listed. */
export const servicesFileSchema = z
  .object({ skills: z.array(z.string()), groups: z.array(z.string()), services: z.array(serviceSchema) })
  .check(
    z.refine((file) => unique(file.services.map((service) => service.code)), 'service codes must be unique'),
    z.refine(
      (file) => file.services.every((service) => service.skills.every((skill) => file.skills.includes(skill))),
      'a service names an unlisted skill',
    ),
    z.refine(
      (file) => file.services.every((service) => service.forGroups.every((group) => file.groups.includes(group))),
      'a service names an unlisted group',
    ),
  );

export type Service = z.infer<typeof serviceSchema>;
export type ServicesFile = z.infer<typeof servicesFileSchema>;
