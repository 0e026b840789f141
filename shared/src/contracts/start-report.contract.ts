import * as z from 'zod/mini';
import { idSchema, noteSchema } from './common.schema';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';

/** `startReport` (开始处置): the assignee starts work on an assigned case. */
export const startReportContract = contract(
  'startReport',
  z.object({ reportId: idSchema, note: z.optional(noteSchema) }),
  z.object({ report: reportSummarySchema }),
);
