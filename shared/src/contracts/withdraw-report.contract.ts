import * as z from 'zod/mini';
import { idSchema, noteSchema } from './common.schema';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';

/** `withdrawReport` (撤回): the reporter takes back a report nobody has accepted yet, with an optional note. */
export const withdrawReportContract = contract(
  'withdrawReport',
  z.object({ reportId: idSchema, note: z.optional(noteSchema) }),
  z.object({ report: reportSummarySchema }),
);
