import * as z from 'zod/mini';

/**
 * The points rules (`settings/pointsRules`, which the seed writes from DEFAULT_POINTS_RULES; an admin may
 * change them): the daily cap on the money one person is awarded per Asia/Shanghai day, in integer fen.
 * What each report earns is its category's (informantPointsFen, residentPoints); the rule that pays it
 * is report-award.ts.
 */
export const pointsRulesSchema = z.object({
  dailyCapFen: z.int().check(z.nonnegative()),
  currency: z.literal('CNY'),
  unit: z.literal('fen'),
});
export type PointsRules = z.infer<typeof pointsRulesSchema>;

/** The cap a county starts with: 2000 fen (20 yuan) a person a day. */
export const DEFAULT_POINTS_RULES: PointsRules = { dailyCapFen: 2000, currency: 'CNY', unit: 'fen' };
