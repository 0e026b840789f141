import * as z from 'zod/mini';
import { categoryCodeSchema } from '../contracts/common.schema';
import { unique } from './unique';

/**
 * How a category's clocks count hours: `natural` (wall-clock, around the clock: urgent categories such as
 * 一键求助 and 治安线索) or `working` (only inside the county's work calendar, settings/workCalendar).
 */
export const CATEGORY_CLOCKS = ['natural', 'working'] as const;
export type CategoryClock = (typeof CATEGORY_CLOCKS)[number];

/**
 * Report categories (categories.json): time limits in hours (natural unless `clock` says working), what a valid report earns, the
 * departments that co-handle it, and the duplicate-search radius. Seeding parses the file with this.
 */
export const categorySchema = z.object({
  code: categoryCodeSchema,
  name: z.string().check(z.minLength(1)),
  group: z.string().check(z.minLength(1)),
  acceptLimitHours: z.number().check(z.positive()),
  handleLimitHours: z.number().check(z.positive()),
  redAfterHours: z.number().check(z.nonnegative()),
  /** Absent: natural hours. */
  clock: z.optional(z.enum(CATEGORY_CLOCKS)),
  /** Money for an informant, integer fen, 0–500 (0 for categories that earn nothing, such as 一键求助). */
  informantPointsFen: z.int().check(z.gte(0), z.lte(500)),
  residentPoints: z.int().check(z.nonnegative()),
  departments: z.array(z.string().check(z.minLength(1))),
  duplicateRadiusM: z.number().check(z.nonnegative()),
  visibleToOtherResidents: z.boolean(),
});

export const categoriesFileSchema = z
  .object({ categories: z.array(categorySchema) })
  .check(z.refine((file) => unique(file.categories.map((category) => category.code)), 'category codes must be unique'));

export type Category = z.infer<typeof categorySchema>;
export type CategoriesFile = z.infer<typeof categoriesFileSchema>;
