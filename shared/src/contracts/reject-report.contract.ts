import * as z from 'zod/mini';
import { idSchema, noteSchema } from './common.schema';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';

/** `rejectReport`: invalid, out of scope, or a duplicate — which must name the report it repeats. */
export const rejectReportContract = contract(
  'rejectReport',
  z.discriminatedUnion('reason', [
    z.object({ reportId: idSchema, reason: z.enum(['invalid', 'out_of_scope']), note: z.optional(noteSchema) }),
    z.object({ reportId: idSchema, reason: z.literal('duplicate'), duplicateOf: idSchema, note: z.optional(noteSchema) }),
  ]),
  z.object({ report: reportSummarySchema }),
);
