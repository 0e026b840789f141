import * as z from 'zod/mini';
import { idSchema, noteSchema } from './common.schema';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';

/** `acceptReport` (受理): the owning staff accept a submitted report as valid; its points are awarded. */
export const acceptReportContract = contract(
  'acceptReport',
  z.object({ reportId: idSchema, note: z.optional(noteSchema) }),
  z.object({ report: reportSummarySchema }),
);
