import * as z from 'zod/mini';
import { REVERSAL_CAUSES } from '../points/ledger-entry';
import { idSchema, userTextSchema } from './common.schema';
import { contract } from './contract';

/**
 * `reverseAward`: staff who may verify a case (its grid's 网格长, a centre at or above its owner) find an
 * accepted report invalid or a duplicate after all, and undo what it paid its reporter, saying why. The
 * reversal counts in the award's month, or once that is settled, in the first open month after it.
 */
export const reverseAwardContract = contract(
  'reverseAward',
  z.object({ reportId: idSchema, cause: z.enum(REVERSAL_CAUSES), note: userTextSchema(200) }),
  z.object({
    reversal: z.object({
      id: z.string(),
      personId: z.string(),
      unit: z.enum(['fen', 'point']),
      amount: z.int(),
      /** The month it counts in, `YYYY-MM`. */
      monthKey: z.string(),
    }),
  }),
);
