import * as z from 'zod/mini';
import { fileIdSchema, idSchema, noteSchema } from './common.schema';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';
import { uploadKeySchema } from './upload-slot.contract';

/** At most this many proof photos on one 办结. */
export const PROOF_PHOTOS_MAX = 9;

/**
 * `resolveReport` (办结): the assignee reports the work done, with proof — a note, photos, or both. The
 * photos must be the caller's own uploads into their 'proof' slot for `uploadKey` (uploadSlot).
 */
export const resolveReportContract = contract(
  'resolveReport',
  z.object({
    reportId: idSchema,
    note: z.optional(noteSchema),
    photos: z.array(fileIdSchema).check(z.maxLength(PROOF_PHOTOS_MAX)),
    uploadKey: uploadKeySchema,
  }),
  z.object({ report: reportSummarySchema }),
);
