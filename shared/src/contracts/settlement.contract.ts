import * as z from 'zod/mini';
import { AWARD_BASES, LEDGER_UNITS, REVERSAL_CAUSES } from '../points/ledger-entry';
import { STATEMENT_KINDS } from '../points/monthly-settlement';
import { SETTLEMENT_MONTH_STATUSES } from '../points/settlement-month';
import { epochMsSchema, idSchema, placeCodeSchema, userTextSchema } from './common.schema';
import { contract } from './contract';

/** A month of the settlement, `YYYY-MM` (Asia/Shanghai). */
export const settlementMonthKeySchema = z.string().check(z.regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/));

const fen = z.int();
const count = z.int().check(z.nonnegative());

/** What a line of a settlement sums (shared/src/points/settlement-sheet.ts): counts and integer fen. */
export const sheetFiguresSchema = z.object({
  awards: count,
  awardFen: fen,
  reversals: count,
  reversalFen: fen,
  adjustmentFen: fen,
  carryInFen: fen,
  totalFen: fen,
});

/** One row of an informant's statement as the settlement desk lists it: an award, a reversal, an adjustment or a carry from the month before. */
export const settlementRowSchema = z.object({
  entryId: z.string(),
  dayKey: z.string(),
  kind: z.enum(STATEMENT_KINDS),
  amountFen: fen,
  reportId: z.optional(z.string()),
  basis: z.optional(z.enum(AWARD_BASES)),
  gridCode: z.optional(z.string()),
  streetCode: z.optional(z.string()),
  cause: z.optional(z.enum(REVERSAL_CAUSES)),
  reason: z.optional(z.string()),
});

/** An informant's line of the month, with their statement's rows in the caller's scope. */
export const informantLineSchema = z.object({
  personId: z.string(),
  name: z.string(),
  gridCodes: z.array(z.string()),
  streetCodes: z.array(z.string()),
  figures: sheetFiguresSchema,
  /** The whole county's sheet only (the county centre): what is paid, and a negative total carried on. */
  payableFen: z.optional(fen),
  carriedFen: z.optional(fen),
  rows: z.array(settlementRowSchema),
});

/** A grid's or a street's total; code `-` for the rows of no place (adjustments, carries). */
export const placeLineSchema = z.object({ code: z.string(), streetCode: z.optional(z.string()), figures: sheetFiguresSchema });

/** Whose part of the settlement the caller sees: their centre's region; `whole` for the county's, which pays. */
export const settlementScopeSchema = z.object({
  level: z.enum(['county', 'street', 'community']),
  code: placeCodeSchema,
  name: z.string(),
  whole: z.boolean(),
});

/** A month in the list: `closing` (结算中, locked) or `closed` (已结算) with its total in the caller's scope. */
export const settlementMonthSchema = z.object({
  monthKey: settlementMonthKeySchema,
  status: z.enum(SETTLEMENT_MONTH_STATUSES),
  closedAt: z.nullable(epochMsSchema),
  /** Closed months: the total in scope; the informants and what is payable, for the whole county only. */
  totalFen: z.nullable(fen),
  payableFen: z.nullable(fen),
  informants: z.nullable(count),
});

/** The most months `settlementMonths` lists, newest first. */
export const SETTLEMENT_MONTHS_MAX = 24;

/**
 * `settlementMonths` (以奖代补结算, the desk's settlement page): the settled and settling months, newest
 * first, and one month in detail (the one asked for, else the newest): its informants with their statements,
 * and its totals per grid and street, in the caller's scope. Who may ask: a county centre (the whole county),
 * a street or community centre (its region's grids: their awards and reversals); anyone else AUTH.FORBIDDEN.
 * A month never settled: SETTLEMENT.NOT_FOUND. A closing month has no detail yet (`sheet` null).
 */
export const settlementMonthsContract = contract(
  'settlementMonths',
  z.object({ monthKey: z.optional(settlementMonthKeySchema) }),
  z.object({
    scope: settlementScopeSchema,
    months: z.array(settlementMonthSchema),
    month: z.nullable(
      z.object({
        monthKey: settlementMonthKeySchema,
        status: z.enum(SETTLEMENT_MONTH_STATUSES),
        sheet: z.nullable(
          z.object({
            informants: z.array(informantLineSchema),
            grids: z.array(placeLineSchema),
            streets: z.array(placeLineSchema),
            total: sheetFiguresSchema,
            payableFen: z.optional(fen),
            carriedFen: z.optional(fen),
          }),
        ),
        /** Names of the grids and streets the sheet names, by code. */
        places: z.record(z.string(), z.string()),
      }),
    ),
  }),
);

/**
 * `settlementCsv`: a closed month as a CSV file for the finance office (docs/DESIGN.md, "Points": UTF-8 with
 * a BOM, CRLF, Chinese headers, yuan with two decimals from integer fen), in the caller's scope, and the file
 * name (以奖代补结算_平安县_2026-11.csv). Who may ask: as `settlementMonths`. A month still closing:
 * SETTLEMENT.NOT_CLOSED (结算中); figures that would not reconcile with the ledger: SETTLEMENT.UNRECONCILED.
 */
export const settlementCsvContract = contract(
  'settlementCsv',
  z.object({ monthKey: settlementMonthKeySchema }),
  z.object({ filename: z.string(), csv: z.string() }),
);

/** The largest adjustment either way: 10,000 yuan in fen, or 1,000,000 points. */
export const ADJUSTMENT_AMOUNT_MAX = 1_000_000;

/**
 * `adjustPoints` (调整): staff correct a person's money (fen: a county centre) or community points (point: a
 * centre over one of the person's grids) with a reason, as an `adjustment` ledger entry counting in the first
 * month not yet settled. `key` is the client's idempotency key: a retry answers the same entry; the same key
 * with another amount, unit or reason is POINTS.IDEMPOTENCY_CONFLICT. The person is told in 消息.
 */
export const adjustPointsContract = contract(
  'adjustPoints',
  z.object({
    personId: idSchema,
    unit: z.enum(LEDGER_UNITS),
    amount: z.int().check(
      z.gte(-ADJUSTMENT_AMOUNT_MAX),
      z.lte(ADJUSTMENT_AMOUNT_MAX),
      z.refine((amount) => amount !== 0, { message: 'an adjustment is not 0' }),
    ),
    reason: userTextSchema(200),
    key: z.string().check(z.minLength(8), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/)),
  }),
  z.object({
    adjustment: z.object({
      id: z.string(),
      personId: z.string(),
      unit: z.enum(LEDGER_UNITS),
      amount: z.int(),
      /** The month it counts in, `YYYY-MM`. */
      monthKey: z.string(),
      reason: z.string(),
    }),
  }),
);

export type SettlementMonthView = z.infer<typeof settlementMonthSchema>;
export type InformantLineView = z.infer<typeof informantLineSchema>;
export type PlaceLineView = z.infer<typeof placeLineSchema>;
export type SheetFiguresView = z.infer<typeof sheetFiguresSchema>;
export type SettlementRowView = z.infer<typeof settlementRowSchema>;
export type SettlementMonthsResponse = z.output<typeof settlementMonthsContract.response>;
