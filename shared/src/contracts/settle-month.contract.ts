import * as z from 'zod/mini';
import { timerEventSchema } from './clock-sweep.contract';
import { contract } from './contract';

/**
 * `settleMonth`, the monthly settlement (docs/DESIGN.md, "Points"): run by its timer trigger alone (any
 * OPENID is refused), on the 1st of each month, closing the previous Asia/Shanghai month a page of
 * informants a run. It answers what it did, which only the platform's log and the tests read.
 */
export const settleMonthContract = contract(
  'settleMonth',
  timerEventSchema,
  z.object({
    /** The month this run worked on, `YYYY-MM`. */
    monthKey: z.string(),
    /** Where the month stands after the run: locked and waiting out writes in flight, settling, or closed. */
    status: z.enum(['waiting', 'settling', 'closed']),
    /** Informants whose statements this run wrote. */
    settled: z.int().check(z.nonnegative()),
    /** Work is left: the next run goes on where this one stopped. */
    more: z.boolean(),
  }),
);
