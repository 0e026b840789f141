import * as z from 'zod/mini';
import { idSchema, noteSchema } from './common.schema';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';

/**
 * `verifyReport` (核查): a grid leader or a centre closes a resolved case (结案) or sends it back for
 * rework (返工). The note is optional here for both: the lifecycle, not the schema, refuses a rework
 * without one (REPORT.NOTE_REQUIRED), so a blank note gets the code the page can explain.
 */
export const verifyReportContract = contract(
  'verifyReport',
  z.object({ reportId: idSchema, decision: z.enum(['close', 'rework']), note: z.optional(noteSchema) }),
  z.object({ report: reportSummarySchema }),
);
