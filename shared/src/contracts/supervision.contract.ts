import * as z from 'zod/mini';
import { gridCodeSchema, idSchema, noteSchema } from './common.schema';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';

/**
 * `escalateReport` (上报上级): the owning staff move an accepted, assigned or started case one level up its
 * region path (grid → community → street → county), with a reason; it is accepted there, unassigned, its
 * history kept. REPORT.CANNOT_ESCALATE at the county; REPORT.NOTE_REQUIRED for a blank reason.
 */
export const escalateReportContract = contract(
  'escalateReport',
  z.object({ reportId: idSchema, reason: noteSchema }),
  z.object({ report: reportSummarySchema }),
);

/** `superviseReport` (督办): a centre strictly above the owner leaves a note on an open case, which the owner must answer. */
export const superviseReportContract = contract(
  'superviseReport',
  z.object({ reportId: idSchema, note: noteSchema }),
  z.object({ report: reportSummarySchema }),
);

/** `answerSupervision` (回复督办): the owning staff answer the 督办 pending on a case (REPORT.NO_SUPERVISION when none is). */
export const answerSupervisionContract = contract(
  'answerSupervision',
  z.object({ reportId: idSchema, note: noteSchema }),
  z.object({ report: reportSummarySchema }),
);

/**
 * `handBackReport` (下派): the owning centre (community, street or county) hands a case nobody at its level
 * has taken on yet (submitted or accepted) down to a named grid under it, with a reason; the status stays,
 * the history is kept, and the case's region path becomes the grid's. REPORT.INVALID_HAND_BACK for a code
 * that is no grid under the owner.
 */
export const handBackReportContract = contract(
  'handBackReport',
  z.object({ reportId: idSchema, gridCode: gridCodeSchema, reason: noteSchema }),
  z.object({ report: reportSummarySchema }),
);
