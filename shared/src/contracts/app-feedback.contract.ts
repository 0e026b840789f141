import * as z from 'zod/mini';
import {
  APP_FEEDBACK_KINDS,
  APP_FEEDBACK_REPLY_MAX,
  APP_FEEDBACK_STATUSES,
  APP_FEEDBACK_TEXT_MAX,
  APP_FEEDBACK_TEXT_MIN,
} from '../feedback/app-feedback';
import { epochMsSchema, idSchema, nextCursorSchema, pageRequestSchema, userTextSchema } from './common.schema';
import { contract } from './contract';

/** Feedback as its writer and the county centre read it: never the writer's openid or who answered. */
export const appFeedbackViewSchema = z.object({
  id: idSchema,
  /** The number the writer quotes: JY<day>-<6 of the id>. */
  reference: z.string(),
  kind: z.enum(APP_FEEDBACK_KINDS),
  text: z.string(),
  phone: z.optional(z.string()),
  submittedAt: epochMsSchema,
  status: z.enum(APP_FEEDBACK_STATUSES),
  reply: z.optional(z.string()),
  repliedAt: z.optional(epochMsSchema),
});

/**
 * `submitAppFeedback` (投诉建议 about the app): any signed-in person writes 5–500 characters of one kind,
 * a mobile number optionally; the client makes `idempotencyKey` once per form, so a retry answers the
 * first (`replayed: true`). The text passes the content check as a report's does; RATE.LIMITED past
 * APP_FEEDBACK_RATE_LIMIT.
 */
export const submitAppFeedbackContract = contract(
  'submitAppFeedback',
  z.object({
    kind: z.enum(APP_FEEDBACK_KINDS),
    text: z.pipe(userTextSchema(APP_FEEDBACK_TEXT_MAX), z.string().check(z.minLength(APP_FEEDBACK_TEXT_MIN))),
    phone: z.optional(z.string().check(z.regex(/^1\d{10}$/))),
    idempotencyKey: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  }),
  z.object({ feedback: appFeedbackViewSchema, replayed: z.boolean() }),
);

/** `myAppFeedback`: the caller's feedback, the latest first, with the centre's answers; keyset-paged. */
export const myAppFeedbackContract = contract(
  'myAppFeedback',
  pageRequestSchema,
  z.object({ items: z.array(appFeedbackViewSchema), nextCursor: nextCursorSchema }),
);

/** `appFeedbackList`: for the county centre, all feedback: unanswered first (the longest waiting first), keyset-paged. */
export const appFeedbackListContract = contract(
  'appFeedbackList',
  pageRequestSchema,
  z.object({ items: z.array(appFeedbackViewSchema), nextCursor: nextCursorSchema }),
);

/** `replyAppFeedback`: the county centre answers one piece of feedback, once; its writer is told in 消息. */
export const replyAppFeedbackContract = contract(
  'replyAppFeedback',
  z.object({
    feedbackId: idSchema,
    reply: z.pipe(userTextSchema(APP_FEEDBACK_REPLY_MAX), z.string().check(z.minLength(2))),
  }),
  z.object({ feedback: appFeedbackViewSchema }),
);

export type AppFeedbackView = z.infer<typeof appFeedbackViewSchema>;
