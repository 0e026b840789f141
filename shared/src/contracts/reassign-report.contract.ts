import * as z from 'zod/mini';
import { assigneeSchema } from './assign-report.contract';
import { idSchema, noteSchema } from './common.schema';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';

/**
 * `reassignReport` (改派): the grid's 网格长 or a centre at or above the owner moves an assigned or
 * started case to another 网格员/网格长 of its grid or co-handling department, with a reason (required by
 * the lifecycle: REPORT.NOTE_REQUIRED for a blank one). The handling clock runs on from acceptance.
 */
export const reassignReportContract = contract(
  'reassignReport',
  z.object({ reportId: idSchema, to: assigneeSchema, reason: noteSchema }),
  z.object({ report: reportSummarySchema }),
);
