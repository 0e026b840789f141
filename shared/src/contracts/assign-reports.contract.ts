import * as z from 'zod/mini';
import { assigneeSchema } from './assign-report.contract';
import { idSchema, noteSchema } from './common.schema';
import { contract } from './contract';
import { ERROR_CODES } from './error-codes';

/** The most cases one 批量派单 hands out. */
export const ASSIGN_REPORTS_MAX = 20;

/** One case's outcome: assigned, or the code `assignReport` would have answered for it alone. */
export const assignOutcomeSchema = z.object({ reportId: idSchema, ok: z.boolean(), code: z.optional(z.enum(ERROR_CODES)) });

/**
 * `assignReports` (批量派单): up to ASSIGN_REPORTS_MAX cases (no id twice) to one assignee, each assigned on
 * its own by the same rule as `assignReport`, so one case refused leaves the others assigned. Answers
 * each id in the order asked, with the code of a refusal.
 */
export const assignReportsContract = contract(
  'assignReports',
  z.object({
    reportIds: z.array(idSchema).check(
      z.minLength(1),
      z.maxLength(ASSIGN_REPORTS_MAX),
      z.refine((ids) => new Set(ids).size === ids.length, { message: 'a report is named twice' }),
    ),
    to: assigneeSchema,
    note: z.optional(noteSchema),
  }),
  z.object({ results: z.array(assignOutcomeSchema) }),
);

export type AssignOutcome = z.infer<typeof assignOutcomeSchema>;
