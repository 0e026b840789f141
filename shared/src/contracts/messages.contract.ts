import * as z from 'zod/mini';
import { MESSAGE_KINDS, SUBSCRIBE_KINDS } from '../config/subscribe-templates';
import { STAFF_MESSAGE_KINDS } from '../report/light-notices';
import { HELP_MESSAGE_KINDS } from '../help/help-constants';
import { ORDER_MESSAGE_KINDS } from '../service/order-messages';
import { INFORMANT_MESSAGE_KINDS } from '../points/informant-constants';
import { POINTS_MESSAGE_KINDS } from '../points/adjustment-message';
import { APP_FEEDBACK_MESSAGE_KINDS } from '../feedback/app-feedback';
import { epochMsSchema, gridCodeSchema, idSchema, nextCursorSchema, pageRequestSchema } from './common.schema';
import { contract } from './contract';

/** A message's id: `<reportId>:<seq>:<personId>` (report/report-messages.ts). */
export const messageIdSchema = z.string().check(z.minLength(1), z.maxLength(160), z.regex(/^[A-Za-z0-9_:-]+$/));

/** The most messages one markMessagesRead names. */
export const MARK_READ_MAX = 50;

/**
 * A reporter's or follower's kinds (the report moved on), staff's (a light changed: report/light-notices.ts),
 * a service order's (service/order-messages.ts), a help call's (help/help-messages.ts) and an informant
 * application's decision (points/informant-messages.ts), a staff adjustment's (points/adjustment-message.ts),
 * and the centre's answer to 投诉建议 (feedback/app-feedback.ts).
 */
export const messageKindSchema = z.enum([
  ...MESSAGE_KINDS,
  ...STAFF_MESSAGE_KINDS,
  ...ORDER_MESSAGE_KINDS,
  ...HELP_MESSAGE_KINDS,
  ...INFORMANT_MESSAGE_KINDS,
  ...POINTS_MESSAGE_KINDS,
  ...APP_FEEDBACK_MESSAGE_KINDS,
]);

/** One message of the caller's 消息 list. */
export const messageViewSchema = z.object({
  id: messageIdSchema,
  kind: messageKindSchema,
  title: z.string(),
  body: z.string(),
  /** The report a tap opens (for a duplicate merged into another, the original); none for an order's message… */
  reportId: z.optional(idSchema),
  /** …which names the order a tap opens instead… */
  orderId: z.optional(idSchema),
  /** …or the help call (一键求助). */
  helpCallId: z.optional(idSchema),
  /** …or, for an informant application's decision, its grid (the applicant's 申请成为信息员 page). */
  informantGridCode: z.optional(gridCodeSchema),
  at: epochMsSchema,
  read: z.boolean(),
  /** 结案, to the reporter: rate it (评价). */
  rateRequested: z.boolean(),
});

/** `myMessages`: the caller's messages, newest first, a page at a time, and how many are unread. */
export const myMessagesContract = contract(
  'myMessages',
  pageRequestSchema,
  z.object({ items: z.array(messageViewSchema), nextCursor: nextCursorSchema, unread: z.int().check(z.nonnegative()) }),
);

/**
 * `markMessagesRead`: marks the caller's messages read, those named (others' ids change nothing) or all
 * of them; answers how many stay unread.
 */
export const markMessagesReadContract = contract(
  'markMessagesRead',
  z.union([
    z.object({ ids: z.array(messageIdSchema).check(z.minLength(1), z.maxLength(MARK_READ_MAX)) }),
    z.object({ all: z.literal(true) }),
  ]),
  z.object({ unread: z.int().check(z.nonnegative()) }),
);

/**
 * The subscribe-message template of each kind the county has set up (a report's and a service order's:
 * config/subscribe-templates.ts' SUBSCRIBE_KINDS), for the client's consent asks.
 */
export const subscribeTemplateIdsSchema = z.partialRecord(z.enum(SUBSCRIBE_KINDS), z.string());

export type MessageView = z.infer<typeof messageViewSchema>;
export type SubscribeTemplateIds = z.infer<typeof subscribeTemplateIdsSchema>;
