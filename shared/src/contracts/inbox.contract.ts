import * as z from 'zod/mini';
import { nextCursorSchema, pageRequestSchema, reportStatusSchema } from './common.schema';
import { contract } from './contract';
import { inboxItemSchema } from './report-view.schema';

/** `inbox`: the open cases the calling staff member owns or supervises, optionally of one status. */
export const inboxContract = contract(
  'inbox',
  z.extend(pageRequestSchema, { status: z.optional(reportStatusSchema) }),
  z.object({ items: z.array(inboxItemSchema), nextCursor: nextCursorSchema }),
);
