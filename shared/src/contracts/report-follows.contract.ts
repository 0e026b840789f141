import * as z from 'zod/mini';
import {
  categoryCodeSchema,
  epochMsSchema,
  idSchema,
  lightSchema,
  lngLatSchema,
  nextCursorSchema,
  ownerLevelSchema,
  pageRequestSchema,
  reportRefSchema,
  reportStatusSchema,
} from './common.schema';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';

/** How many nearby reports an answer lists at most: enough to spot one's own problem, few enough to read. */
export const NEARBY_REPORTS_MAX = 10;

/**
 * An open report near the place a resident is about to report (我也遇到): what it is, where it stands,
 * the place by name and how far, how many follow it and whether the caller does. Never its reporter, its
 * photos or its coordinates; its text (the start of it) only once the content check has passed it.
 */
export const nearbyReportSchema = z.object({
  id: idSchema,
  categoryCode: categoryCodeSchema,
  categoryName: z.optional(z.string()),
  status: reportStatusSchema,
  light: z.nullable(lightSchema),
  /** Absent while the content check holds the report for review. */
  text: z.optional(z.string()),
  ownerLevel: ownerLevelSchema,
  ownerName: z.optional(z.string().check(z.maxLength(100))),
  communityName: z.optional(z.string().check(z.maxLength(100))),
  /** Metres from the given point, to the nearest 10 (a place by name, not a point to triangulate). */
  distanceM: z.int().check(z.nonnegative()),
  submittedAt: epochMsSchema,
  supportCount: z.int().check(z.nonnegative()),
  /** The caller follows it already. */
  following: z.boolean(),
  /** The caller reported it: it cannot be followed. */
  mine: z.optional(z.boolean()),
});

/**
 * `nearbyReports` (我也遇到): while a resident writes a report, the open reports of the same category within
 * the category's duplicate radius of the point, nearest first; an empty list where the category has no
 * radius (never a duplicate by place).
 */
export const nearbyReportsContract = contract(
  'nearbyReports',
  z.object({ categoryCode: categoryCodeSchema, location: lngLatSchema }),
  z.object({ items: z.array(nearbyReportSchema), radiusM: z.number().check(z.nonnegative()) }),
);

/** Where a follow stands after a call: whether the caller follows, and the report's count of followers. */
const followStateSchema = z.object({ reportId: idSchema, following: z.boolean(), supportCount: z.int().check(z.nonnegative()) });

/**
 * `followReport` (我也遇到, 关注): the caller follows an open report of someone else's; its support count
 * rises by one. Following twice changes nothing. It earns nothing.
 */
export const followReportContract = contract('followReport', reportRefSchema, followStateSchema);

/** `unfollowReport` (取消关注): the caller stops following; the count falls by one. Not following: nothing changes. */
export const unfollowReportContract = contract('unfollowReport', reportRefSchema, followStateSchema);

/** A followed report in the caller's list: the report as in any list, and since when they follow it. */
export const followedReportSchema = z.extend(reportSummarySchema, {
  followedAt: epochMsSchema,
  supportCount: z.int().check(z.nonnegative()),
});

/** `myFollows`: the reports the caller follows, the latest followed first, a page at a time. */
export const myFollowsContract = contract(
  'myFollows',
  pageRequestSchema,
  z.object({ items: z.array(followedReportSchema), nextCursor: nextCursorSchema }),
);

export type NearbyReport = z.infer<typeof nearbyReportSchema>;
export type FollowedReport = z.infer<typeof followedReportSchema>;
