import * as z from 'zod/mini';
import { epochMsSchema, idSchema, nextCursorSchema, pageRequestSchema } from './common.schema';
import { contract } from './contract';
import { AWARD_BASES, LEDGER_KINDS, LEDGER_UNITS, REVERSAL_CAUSES } from '../points/ledger-entry';

/** One ledger line as its owner sees it. */
export const ledgerEntryViewSchema = z.object({
  id: z.string(),
  kind: z.enum(LEDGER_KINDS),
  unit: z.enum(LEDGER_UNITS),
  amount: z.int(),
  at: epochMsSchema,
  reportId: z.optional(idSchema),
  basis: z.optional(z.enum(AWARD_BASES)),
  /** A reversal's cause, and a reversal's or adjustment's words: why it was taken back or changed. */
  cause: z.optional(z.enum(REVERSAL_CAUSES)),
  reason: z.optional(z.string()),
  /** The month a money entry counts in (a settlement: the month it settles), `YYYY-MM`. */
  monthKey: z.optional(z.string()),
  /** Volunteer service (`service`): the order served and its minutes. */
  orderId: z.optional(idSchema),
  minutes: z.optional(z.int().check(z.nonnegative())),
});

/** `myPoints`: the caller's money (fen) and community points balances, and their ledger, newest first. */
export const myPointsContract = contract(
  'myPoints',
  pageRequestSchema,
  z.object({
    fenBalance: z.int(),
    pointBalance: z.int(),
    entries: z.array(ledgerEntryViewSchema),
    nextCursor: nextCursorSchema,
  }),
);
