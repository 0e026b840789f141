import * as z from 'zod/mini';
import { epochMsSchema, idSchema, nextCursorSchema, pageRequestSchema } from './common.schema';
import { contract } from './contract';

/** One ledger line as its owner sees it. */
export const ledgerEntryViewSchema = z.object({
  id: z.string(),
  kind: z.enum(['award', 'reversal', 'redemption', 'settlement']),
  unit: z.enum(['fen', 'point']),
  amount: z.int(),
  at: epochMsSchema,
  reportId: z.optional(idSchema),
  basis: z.optional(z.enum(['informant', 'resident', 'own_area', 'daily_cap'])),
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
