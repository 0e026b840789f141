import * as z from 'zod/mini';
import { REGION_LEVELS } from '../grid/grid-level';
import { ROLES } from '../people/role';
import { REVERSAL_CAUSES } from '../points/ledger-entry';
import { REJECT_REASONS, REPORT_EVENT_TYPES } from '../report/report';
import {
  categoryCodeSchema,
  epochMsSchema,
  fileIdSchema,
  idSchema,
  lightSchema,
  lngLatSchema,
  ownerLevelSchema,
  placeCodeSchema,
  reportStatusSchema,
  tempUrlSchema,
} from './common.schema';

/** A report in a list: what, where it stands, who owns it, and its time-limit light (none once rejected). */
export const reportSummarySchema = z.object({
  id: idSchema,
  categoryCode: categoryCodeSchema,
  /** The category's name when the report was made (the client need not know every category). */
  categoryName: z.optional(z.string()),
  status: reportStatusSchema,
  text: z.string(),
  ownerCode: placeCodeSchema,
  ownerLevel: ownerLevelSchema,
  /** The owner's name and its community (城关社区第3网格, 城关社区); absent once the case moved up (escalation): show level + code. */
  ownerName: z.optional(z.string().check(z.maxLength(100))),
  communityName: z.optional(z.string().check(z.maxLength(100))),
  submittedAt: epochMsSchema,
  light: z.nullable(lightSchema),
  /** The content check asked for a person's review: held from other residents until staff clear it. */
  flagged: z.optional(z.boolean()),
});

const personRefSchema = z.object({ id: idSchema, name: z.string() });
const rejectionSchema = z.object({ reason: z.enum(REJECT_REASONS), duplicateOf: z.optional(idSchema) });

const ratingSchema = z.object({ satisfaction: z.int().check(z.gte(1), z.lte(5)), comment: z.optional(z.string()) });

/** The capacities a step's actor is named in: the case's reporter, or a role they hold. */
export const TIMELINE_ACTOR_ROLES = ['reporter', ...ROLES] as const;

/**
 * Who acted on a step, by name and capacity: `reporter` on the reporter's own steps, else the staff role
 * they act in (a centre with its level), or the department they act for.
 */
export const timelineActorSchema = z.extend(personRefSchema, {
  role: z.optional(z.enum(TIMELINE_ACTOR_ROLES)),
  centreLevel: z.optional(z.enum(REGION_LEVELS)),
  department: z.optional(z.string().check(z.maxLength(100))),
});

/**
 * One entry of the timeline; `actor` is left out where the viewer may not see who acted (an anonymous
 * reporter's own steps, below the centre; the reporter's steps for a follower).
 */
export const timelineEventSchema = z.object({
  seq: z.int().check(z.nonnegative()),
  type: z.enum(REPORT_EVENT_TYPES),
  at: epochMsSchema,
  status: reportStatusSchema,
  actor: z.optional(timelineActorSchema),
  note: z.optional(z.string()),
  photos: z.optional(z.array(fileIdSchema)),
  /** On a `rejected` event: why (the same as the report's `rejection`, kept with the step it explains). */
  rejection: z.optional(rejectionSchema),
  /** On a `rated` event: the verdict given then (a reopened case's rating is cleared; its steps keep it). */
  rating: z.optional(ratingSchema),
  /** On an `award_reversed` event (冲正): why the award was taken back; the staff's words are the note. */
  reversalCause: z.optional(z.enum(REVERSAL_CAUSES)),
});

/**
 * Temporary URLs of the photos (the report's and its timeline's) that the viewer may see, each with its
 * fileID, made server-side in one `getTempFileURL` call and valid until `expiresAt`. A browser cannot
 * show a `cloud://` fileID, and the mini-program may not read another user's file: these it can. A photo
 * without a URL here (held for review, or its file gone) is shown as a tile. A list, not a z.record,
 * which would add 1.5 KB to the client.
 */
export const photoUrlsSchema = z.object({
  expiresAt: epochMsSchema,
  files: z.array(z.object({ fileID: fileIdSchema, url: tempUrlSchema })),
});

/** A report in full, for its reporter and for staff; `reporter` is absent when it is hidden (anonymous). */
export const reportDetailSchema = z.extend(reportSummarySchema, {
  photos: z.array(fileIdSchema),
  /** Absent when the report has no photo the viewer may see, or no URL could be made. */
  photoUrls: z.optional(photoUrlsSchema),
  /** The place as numbers: for staff only; a resident reads it by name (`gridName`, `communityName`). */
  location: z.optional(lngLatSchema),
  /** The grid the case lies in, by name (from the regions); absent when it lies in no grid. */
  gridName: z.optional(z.string().check(z.maxLength(100))),
  microGridCode: z.optional(placeCodeSchema),
  departments: z.array(z.string()),
  anonymous: z.boolean(),
  reporter: z.optional(personRefSchema),
  rejection: z.optional(rejectionSchema),
  rating: z.optional(ratingSchema),
  supervisionPending: z.boolean(),
  events: z.array(timelineEventSchema),
});

/**
 * A case in a staff member's inbox: its deadline (its light as in every view), whether a 督办 awaits an
 * answer, how many people said 我也遇到 (`supportCount`), who it is assigned to (a person's name or the
 * department), and the name of its grid.
 */
export const inboxItemSchema = z.extend(reportSummarySchema, {
  deadline: epochMsSchema,
  anonymous: z.boolean(),
  supervisionPending: z.boolean(),
  supportCount: z.int().check(z.nonnegative()),
  /** Absent when unassigned, or when the person is no longer on record. */
  assigneeName: z.optional(z.string().check(z.maxLength(100))),
  /** The grid the case lies in, by name; absent when the case lies in no grid or its name is not kept. */
  gridName: z.optional(z.string().check(z.maxLength(100))),
});

export type ReportSummary = z.infer<typeof reportSummarySchema>;
export type ReportDetail = z.infer<typeof reportDetailSchema>;
export type PhotoUrls = z.infer<typeof photoUrlsSchema>;
export type InboxItem = z.infer<typeof inboxItemSchema>;
export type TimelineActor = z.infer<typeof timelineActorSchema>;
