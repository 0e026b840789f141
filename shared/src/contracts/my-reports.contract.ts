import * as z from 'zod/mini';
import { nextCursorSchema, pageRequestSchema } from './common.schema';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';

/** `myReports`: the caller's own reports, newest first, a page at a time. */
export const myReportsContract = contract(
  'myReports',
  pageRequestSchema,
  z.object({ items: z.array(reportSummarySchema), nextCursor: nextCursorSchema }),
);
