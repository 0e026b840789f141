import * as z from 'zod/mini';
import { AWARD_BASES, REVERSAL_CAUSES } from '../points/ledger-entry';
import { STATEMENT_KINDS } from '../points/monthly-settlement';
import {
  categoryCodeSchema,
  emptyRequestSchema,
  epochMsSchema,
  gridCodeSchema,
  idSchema,
  nextCursorSchema,
  pageRequestSchema,
} from './common.schema';
import { contract } from './contract';

const monthKeySchema = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/));
const dayKeySchema = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** A statement's figures in fen: the sum of its rows, what is paid (a positive total) and what is carried on (a negative one). */
const statementFiguresSchema = z.object({
  monthKey: monthKeySchema,
  totalFen: z.int(),
  payableFen: z.int().check(z.nonnegative()),
  carriedFen: z.int().check(z.nonpositive()),
});

/**
 * `informantHome`: an informant's own standing — the grids they are approved for, today's money against
 * the daily cap (Asia/Shanghai day), the money counted in this month so far, the day it is settled, and
 * their latest settled statement. For informants only (AUTH.FORBIDDEN otherwise).
 */
export const informantHomeContract = contract(
  'informantHome',
  emptyRequestSchema,
  z.object({
    name: z.string(),
    grids: z.array(z.object({ code: gridCodeSchema, name: z.string() })),
    today: z.object({
      dayKey: dayKeySchema,
      earnedFen: z.int().check(z.nonnegative()),
      capFen: z.int().check(z.nonnegative()),
      leftFen: z.int().check(z.nonnegative()),
      reached: z.boolean(),
    }),
    /** This month so far (not settled): its money entries' sum and how many awards paid money. */
    month: z.object({ monthKey: monthKeySchema, totalFen: z.int(), awards: z.int().check(z.nonnegative()) }),
    /** `YYYY-MM-DD`: the day this month is settled (the 1st of the next). */
    settlementDay: dayKeySchema,
    lastStatement: z.optional(statementFiguresSchema),
  }),
);

/** One of the caller's settled months, and when it was settled. */
export const statementSummarySchema = z.extend(statementFiguresSchema, { settledAt: epochMsSchema });

/** `myStatements`: the caller's settled monthly statements, newest first, a page at a time; only their own. */
export const myStatementsContract = contract(
  'myStatements',
  pageRequestSchema,
  z.object({ statements: z.array(statementSummarySchema), nextCursor: nextCursorSchema }),
);

/**
 * One line of a statement: an award with its report and category (and why it has its amount), a reversal
 * with its cause and the staff's words, an adjustment with its reason, a carry from the month before.
 */
export const statementRowSchema = z.object({
  entryId: z.string(),
  dayKey: dayKeySchema,
  kind: z.enum(STATEMENT_KINDS),
  amountFen: z.int(),
  reportId: z.optional(idSchema),
  categoryCode: z.optional(categoryCodeSchema),
  categoryName: z.optional(z.string()),
  basis: z.optional(z.enum(AWARD_BASES)),
  cause: z.optional(z.enum(REVERSAL_CAUSES)),
  reason: z.optional(z.string()),
});

/**
 * `myStatement`: one month of the caller's money: the settled statement, or for a month not settled yet
 * (this month so far, or last month before its run) the provisional one the settlement would write
 * (`settled` false). Only their own.
 */
export const myStatementContract = contract(
  'myStatement',
  z.object({ monthKey: monthKeySchema }),
  z.object({
    statement: z.extend(statementFiguresSchema, {
      settled: z.boolean(),
      /** When it was settled; absent while provisional. */
      settledAt: z.optional(epochMsSchema),
      /** `YYYY-MM-DD`: the day the month is (or was) settled. */
      settlementDay: dayKeySchema,
      rows: z.array(statementRowSchema),
    }),
  }),
);

export type StatementRowView = z.infer<typeof statementRowSchema>;
export type StatementSummary = z.infer<typeof statementSummarySchema>;
