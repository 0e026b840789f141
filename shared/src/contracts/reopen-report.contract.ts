import * as z from 'zod/mini';
import { idSchema, noteSchema } from './common.schema';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';

/**
 * `reopenReport` (不满意，申请重新办理): the reporter of a case rated 不满意 sends it back to the verifier, once,
 * within 7 days of the close. The note is required by the lifecycle (REPORT.NOTE_REQUIRED for a blank one).
 */
export const reopenReportContract = contract(
  'reopenReport',
  z.object({ reportId: idSchema, note: noteSchema }),
  z.object({ report: reportSummarySchema }),
);
