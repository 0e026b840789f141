import * as z from 'zod/mini';
import { HELP_EVENT_TYPES, HELP_PROFILE_NOTE_MAX, HELP_PROFILE_TAGS, HELP_STATUSES } from '../help/help-constants';
import { epochMsSchema, idSchema, lngLatSchema, noteSchema, ownerLevelSchema, roleSchema, userTextSchema } from './common.schema';
import { contract } from './contract';
import { staffContactSchema } from './me.contract';

/** The most characters of the place a resident types in (楼栋、门牌). */
export const HELP_ADDRESS_MAX = 60;

/** 求助资料: what a resident chose to share with whoever answers their calls. */
export const helpProfileSchema = z.object({
  tags: z.array(z.enum(HELP_PROFILE_TAGS)).check(z.maxLength(HELP_PROFILE_TAGS.length)),
  note: z.optional(userTextSchema(HELP_PROFILE_NOTE_MAX)),
  phone: z.optional(z.string().check(z.regex(/^1[0-9]{10}$/))),
});

const helpStepSchema = z.object({
  seq: z.int(),
  type: z.enum(HELP_EVENT_TYPES),
  at: epochMsSchema,
  level: ownerLevelSchema,
  actorName: z.optional(z.string()),
  actorRole: z.optional(roleSchema),
  note: z.optional(z.string()),
});

/** A help call as the requester and those who answer it read it: where it stands, who answered, every step. */
export const helpCallViewSchema = z.object({
  id: idSchema,
  status: z.enum(HELP_STATUSES),
  raisedAt: epochMsSchema,
  requesterName: z.string(),
  profile: z.optional(helpProfileSchema),
  location: z.optional(lngLatSchema),
  address: z.optional(z.string()),
  /** The place routed to, by name (网格, or a region where no grid was found). */
  placeName: z.string(),
  /** Where it stands now, and until when the people there have to answer (none once answered, or at the top). */
  level: ownerLevelSchema,
  ackDueAt: z.optional(epochMsSchema),
  responder: z.optional(z.object({ name: z.string(), role: roleSchema, phone: z.optional(z.string()) })),
  /** The grid's published staff (一网一长一员一警), with their numbers: whom the resident may also call. */
  contacts: z.array(staffContactSchema),
  steps: z.array(helpStepSchema),
  /** The caller's part: the one who called, or one who answers it. */
  viewerIs: z.enum(['requester', 'responder']),
});

const callRefSchema = z.object({ callId: idSchema });
const callAnswerSchema = z.object({ call: helpCallViewSchema });

/**
 * `raiseHelp` (一键求助): a signed-in person calls for help, with where they are (GCJ-02, if the phone gave
 * it) and a few words of the place. Routed to the grid at the location, else their joined grid (GRID.NOT_JOINED
 * when neither: the page shows 110 and 120 anyway). While one of theirs is open, pressing again answers it
 * (`alreadyOpen`); a retry under the same key answers the first. RATE.LIMITED past HELP_RATE_LIMIT.
 */
export const raiseHelpContract = contract(
  'raiseHelp',
  z.object({
    idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
    location: z.optional(lngLatSchema),
    address: z.optional(userTextSchema(HELP_ADDRESS_MAX)),
  }),
  z.object({ call: helpCallViewSchema, alreadyOpen: z.boolean() }),
);

/** `myHelp`: the caller's 求助资料, their open call if any, and their last few calls. */
export const myHelpContract = contract(
  'myHelp',
  z.object({}),
  z.object({ profile: z.optional(helpProfileSchema), open: z.optional(helpCallViewSchema), recent: z.array(helpCallViewSchema) }),
);

/** `saveHelpProfile`: replaces the caller's 求助资料 (no tags and no words shares nothing). */
export const saveHelpProfileContract = contract('saveHelpProfile', helpProfileSchema, z.object({ profile: helpProfileSchema }));

/** `cancelHelp` (我已安全，取消求助): the requester ends their open call; everyone alerted is told. */
export const cancelHelpContract = contract('cancelHelp', z.object({ callId: idSchema, note: z.optional(noteSchema) }), callAnswerSchema);

/** How many open calls one list answers (more would be a county-wide disaster, not an inbox). */
export const OPEN_HELP_CALLS_MAX = 50;

/** `openHelpCalls`: the open calls the caller answers, unanswered first, the oldest first: the top of every inbox. */
export const openHelpCallsContract = contract('openHelpCalls', z.object({}), z.object({ items: z.array(helpCallViewSchema) }));

/** `acknowledgeHelp` (收到，我去处理): the first to answer is named to the requester; later ones are told who. */
export const acknowledgeHelpContract = contract(
  'acknowledgeHelp',
  z.object({ callId: idSchema, note: z.optional(noteSchema) }),
  callAnswerSchema,
);

/** `closeHelp` (已处置): ends an open call with what was done (HELP.NOTE_REQUIRED without). */
export const closeHelpContract = contract('closeHelp', z.object({ callId: idSchema, note: z.optional(noteSchema) }), callAnswerSchema);

/** `helpCallDetail`: one call with its whole trace, for its requester and those who answer it; anyone else finds none. */
export const helpCallDetailContract = contract('helpCallDetail', callRefSchema, callAnswerSchema);

export type HelpCallView = z.infer<typeof helpCallViewSchema>;
export type HelpProfileView = z.infer<typeof helpProfileSchema>;
