import * as z from 'zod/mini';
import { INFORMANT_APPLICATION_STATUSES, INFORMANT_MOTIVE_MAX } from '../points/informant-constants';
import { epochMsSchema, gridCodeSchema, idSchema, nextCursorSchema, noteSchema, pageRequestSchema, userTextSchema } from './common.schema';
import { contract } from './contract';

/** Text that must say something: normalised, then at least one character. */
const requiredText = (max: number) => z.pipe(userTextSchema(max), z.string().check(z.minLength(1)));

/** What a resident says to become a 兼职信息员: real name, mobile, and why / what they can see. */
export const informantProfileSchema = z.object({
  name: requiredText(20),
  phone: z.string().check(z.regex(/^1\d{10}$/)),
  motive: requiredText(INFORMANT_MOTIVE_MAX),
});

/** An informant application as the applicant and the grid's staff read it (no openid, no reviewer). */
export const informantApplicationViewSchema = z.object({
  id: z.string(),
  gridCode: gridCodeSchema,
  gridName: z.string(),
  personId: idSchema,
  name: z.string(),
  phone: z.string(),
  motive: z.string(),
  status: z.enum(INFORMANT_APPLICATION_STATUSES),
  appliedAt: epochMsSchema,
  decidedAt: z.optional(epochMsSchema),
  reason: z.optional(z.string()),
});

/**
 * `applyInformant` (申请成为兼职信息员): the caller applies to a grid — `gridCode`, or without it the grid they
 * joined (扫码入格) — pending until its 网格员 or 网格长 decides. Applying again while pending updates the
 * application; after a refusal or a removal it is pending again. Staff cannot apply.
 */
export const applyInformantContract = contract(
  'applyInformant',
  z.extend(informantProfileSchema, { gridCode: z.optional(gridCodeSchema) }),
  z.object({ application: informantApplicationViewSchema }),
);

/**
 * `reviewInformant`: a 网格员 or 网格长 of the grid approves a pending application (the person becomes an
 * informant of the grid), refuses it with words, or removes an approved informant with words.
 */
export const reviewInformantContract = contract(
  'reviewInformant',
  z.object({
    gridCode: gridCodeSchema,
    personId: idSchema,
    decision: z.enum(['approve', 'refuse', 'remove']),
    reason: z.optional(noteSchema),
  }),
  z.object({ application: informantApplicationViewSchema }),
);

/** `informantApplications`: a grid's informant applications for its 网格员 and 网格长, pending first, keyset-paged. */
export const informantApplicationsContract = contract(
  'informantApplications',
  z.extend(pageRequestSchema, { gridCode: gridCodeSchema }),
  z.object({ items: z.array(informantApplicationViewSchema), nextCursor: nextCursorSchema }),
);

/**
 * `myInformantApplications`: the caller's informant applications (latest first), the grids they are an
 * informant of, and the grid they joined (the one applied for when they name none), if any.
 */
export const myInformantApplicationsContract = contract(
  'myInformantApplications',
  z.object({}),
  z.object({
    applications: z.array(informantApplicationViewSchema),
    gridCodes: z.array(gridCodeSchema),
    joinedGrid: z.nullable(z.object({ code: gridCodeSchema, name: z.string() })),
  }),
);

export type InformantApplicationView = z.infer<typeof informantApplicationViewSchema>;
