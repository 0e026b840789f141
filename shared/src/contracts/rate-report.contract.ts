import * as z from 'zod/mini';
import { idSchema, noteSchema } from './common.schema';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';

/** `rateReport` (评价): the reporter rates a closed case once, 1 (不满意) to 5 (满意), with an optional comment. */
export const rateReportContract = contract(
  'rateReport',
  z.object({
    reportId: idSchema,
    satisfaction: z.int().check(z.minimum(1), z.maximum(5)),
    comment: z.optional(noteSchema),
  }),
  z.object({ report: reportSummarySchema }),
);
