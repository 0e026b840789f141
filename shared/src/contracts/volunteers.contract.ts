import * as z from 'zod/mini';
import { TASK_KINDS } from '../service/service-order';
import { VOLUNTEER_APPLICATION_STATUSES } from '../service/volunteer-application';
import { epochMsSchema, gridCodeSchema, idSchema, nextCursorSchema, noteSchema, pageRequestSchema, userTextSchema } from './common.schema';
import { contract } from './contract';

/** The most skills and 党员责任岗 posts one application names. */
export const VOLUNTEER_SKILLS_MAX = 8;

/** Text that must say something: normalised, then at least one character. */
const requiredText = (max: number) => z.pipe(userTextSchema(max), z.string().check(z.minLength(1)));
const mobileSchema = z.string().check(z.regex(/^1\d{10}$/));
/** A skill as the county's services name it (services.json `skills`: 代办, 理发 …). */
export const skillSchema = z.string().check(z.minLength(1), z.maxLength(10));
export const taskKindSchema = z.enum(TASK_KINDS);

/** What a volunteer says at 网格报到: name, mobile, 党员 or not, 工作单位, skills and 党员责任岗 posts. */
export const volunteerProfileSchema = z.object({
  name: requiredText(20),
  phone: mobileSchema,
  partyMember: z.boolean(),
  workUnit: z.optional(userTextSchema(50)),
  skills: z.array(skillSchema).check(z.maxLength(VOLUNTEER_SKILLS_MAX)),
  posts: z.array(taskKindSchema).check(z.maxLength(TASK_KINDS.length)),
});

/** An application as the applicant and the grid's staff read it (no openid). */
export const volunteerApplicationViewSchema = z.object({
  id: z.string(),
  gridCode: gridCodeSchema,
  personId: idSchema,
  name: z.string(),
  phone: z.string(),
  partyMember: z.boolean(),
  workUnit: z.optional(z.string()),
  skills: z.array(z.string()),
  posts: z.array(taskKindSchema),
  status: z.enum(VOLUNTEER_APPLICATION_STATUSES),
  appliedAt: epochMsSchema,
  decidedAt: z.optional(epochMsSchema),
  reason: z.optional(z.string()),
});

/**
 * `registerVolunteer` (在职党员/志愿者网格报到): the caller applies to a grid; pending until its 网格员 or 网格长
 * decides. Applying again while pending updates the application; after a refusal it is pending again.
 */
export const registerVolunteerContract = contract(
  'registerVolunteer',
  z.extend(volunteerProfileSchema, { gridCode: gridCodeSchema }),
  z.object({ application: volunteerApplicationViewSchema }),
);

/**
 * `reviewVolunteer`: a 网格员 or 网格长 of the grid approves a pending application (the person becomes a
 * volunteer of the grid, with its skills) or refuses it with a reason.
 */
export const reviewVolunteerContract = contract(
  'reviewVolunteer',
  z.object({ gridCode: gridCodeSchema, personId: idSchema, decision: z.enum(['approve', 'refuse']), reason: z.optional(noteSchema) }),
  z.object({ application: volunteerApplicationViewSchema }),
);

/** `volunteerApplications`: a grid's applications for its 网格员 and 网格长, pending ones first (the longest waiting first), keyset-paged. */
export const volunteerApplicationsContract = contract(
  'volunteerApplications',
  z.extend(pageRequestSchema, { gridCode: gridCodeSchema }),
  z.object({ items: z.array(volunteerApplicationViewSchema), nextCursor: nextCursorSchema }),
);

/** `myVolunteering`: the caller's applications, the grids they volunteer in, and their skills. */
export const myVolunteeringContract = contract(
  'myVolunteering',
  z.object({}),
  z.object({ applications: z.array(volunteerApplicationViewSchema), gridCodes: z.array(gridCodeSchema), skills: z.array(z.string()) }),
);

export type VolunteerApplicationView = z.infer<typeof volunteerApplicationViewSchema>;
