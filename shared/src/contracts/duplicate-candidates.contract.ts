import * as z from 'zod/mini';
import { epochMsSchema, idSchema, reportRefSchema, reportStatusSchema } from './common.schema';
import { contract } from './contract';

/** How many candidates an answer lists at most: enough to spot the original, few enough to read. */
export const DUPLICATE_CANDIDATES_MAX = 10;

/** How much of a candidate's text is sent: a line to recognise it by, not the whole report. */
export const DUPLICATE_TEXT_MAX = 60;

/**
 * Why there are no candidates to look for: the report has no location, or its category is never a
 * duplicate by place (`duplicateRadiusM` 0, such as 治安线索). The client says so instead of an empty list.
 */
export const NO_DUPLICATE_SEARCH_REASONS = ['no_location', 'no_radius'] as const;

/**
 * A report that this one may repeat: same category, near it, not rejected, and one the caller may see
 * (so a reject naming it as `duplicateOf` is accepted). The reporter is left out where the caller may
 * not see them (anonymous).
 */
export const duplicateCandidateSchema = z.object({
  id: idSchema,
  /** The start of its text (at most DUPLICATE_TEXT_MAX characters, then …). */
  text: z.string(),
  status: reportStatusSchema,
  submittedAt: epochMsSchema,
  /** Whole metres from the report being decided. */
  distanceM: z.int().check(z.nonnegative()),
  ownerName: z.optional(z.string().check(z.maxLength(100))),
  reporterName: z.optional(z.string().check(z.maxLength(100))),
  /** Held for review by the content check. */
  flagged: z.optional(z.boolean()),
});

/**
 * `duplicateCandidates`: for the staff owning a report, the reports it may repeat, nearest first (then
 * the oldest), within its category's `duplicateRadiusM` and the last `windowDays` days; or none and why.
 */
export const duplicateCandidatesContract = contract(
  'duplicateCandidates',
  reportRefSchema,
  z.object({
    candidates: z.array(duplicateCandidateSchema),
    radiusM: z.number().check(z.nonnegative()),
    windowDays: z.int().check(z.positive()),
    none: z.optional(z.enum(NO_DUPLICATE_SEARCH_REASONS)),
  }),
);

export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
export type NoDuplicateSearchReason = (typeof NO_DUPLICATE_SEARCH_REASONS)[number];
