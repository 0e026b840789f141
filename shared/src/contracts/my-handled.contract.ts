import * as z from 'zod/mini';
import { epochMsSchema, nextCursorSchema, pageRequestSchema } from './common.schema';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';

/** A case the caller resolved (办结), with when. */
export const handledItemSchema = z.extend(reportSummarySchema, { resolvedAt: epochMsSchema });

/**
 * `myHandled`: the cases the caller resolved (办结) since `since` — by default the start of this week
 * (Monday 00:00, Asia/Shanghai) — latest first, a page at a time. A case sent back for rework is no longer
 * the caller's resolution until resolved again. Answers the `since` it used.
 */
export const myHandledContract = contract(
  'myHandled',
  z.extend(pageRequestSchema, { since: z.optional(epochMsSchema) }),
  z.object({ items: z.array(handledItemSchema), nextCursor: nextCursorSchema, since: epochMsSchema }),
);

export type HandledItem = z.infer<typeof handledItemSchema>;
