import * as z from 'zod/mini';
import { idSchema, noteSchema } from './common.schema';
import { contract } from './contract';
import { reportSummarySchema } from './report-view.schema';

/** Who a case goes to: a named person (by user id), or a co-handling department of the case, by name. */
export const assigneeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), personId: idSchema }),
  z.object({ kind: z.literal('department'), department: z.string().check(z.minLength(1), z.maxLength(64)) }),
]);

/**
 * `assignReport` (派单): the grid's 网格长 or a centre at or above the owner hands an accepted case to a
 * 网格员/网格长 of its grid or to one of its co-handling departments; a 网格员 may take it himself.
 */
export const assignReportContract = contract(
  'assignReport',
  z.object({ reportId: idSchema, to: assigneeSchema, note: z.optional(noteSchema) }),
  z.object({ report: reportSummarySchema }),
);
