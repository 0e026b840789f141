import * as z from 'zod/mini';
import { MARKET_DESCRIPTION_MAX, MARKET_LIMIT_MAX, MARKET_NAME_MAX, MARKET_PRICE_MAX, MARKET_STOCK_MAX } from '../market/market-item';
import { REDEMPTION_REASON_MAX, REDEMPTION_STATUSES } from '../market/redemption';
import { epochMsSchema, idSchema, nextCursorSchema, pageRequestSchema, userTextSchema } from './common.schema';
import { contract } from './contract';

const communityCodeSchema = z.string().check(z.regex(/^[0-9]{6,12}$/));
const idempotencyKeySchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));
/** The 6 digits a resident shows at the hand-over. */
export const handOverCodeSchema = z.string().check(z.regex(/^\d{6}$/));

/** An item of a community's 爱心超市 as residents and staff read it; `mine`, how many the caller holds. */
export const marketItemViewSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  pricePoints: z.int(),
  stock: z.int(),
  perPersonLimit: z.optional(z.int()),
  active: z.boolean(),
  mine: z.int(),
});

/**
 * `marketItems` (爱心超市): the catalogue of the caller's community — their joined grid's, or for staff the
 * community they work — cheapest first, keyset-paged, with the caller's 爱心积分 balance. Those who run it
 * (`mayManage`) also see the items not offered now; `mayHandOver`, they may hand items over.
 */
export const marketItemsContract = contract(
  'marketItems',
  pageRequestSchema,
  z.object({
    communityCode: communityCodeSchema,
    mayManage: z.boolean(),
    mayHandOver: z.boolean(),
    pointBalance: z.int(),
    items: z.array(marketItemViewSchema),
    nextCursor: nextCursorSchema,
  }),
);

/**
 * `saveMarketItem`: the community centre or a 网格长 of the community creates an item (no `itemId`; its id
 * comes from the community and `idempotencyKey`) or edits one: terms, on or off, and stock to add.
 */
export const saveMarketItemContract = contract(
  'saveMarketItem',
  z.object({
    itemId: z.optional(idSchema),
    idempotencyKey: z.optional(idempotencyKeySchema),
    name: userTextSchema(MARKET_NAME_MAX).check(z.minLength(1)),
    description: userTextSchema(MARKET_DESCRIPTION_MAX),
    pricePoints: z.int().check(z.gte(1), z.lte(MARKET_PRICE_MAX)),
    perPersonLimit: z.optional(z.int().check(z.gte(1), z.lte(MARKET_LIMIT_MAX))),
    active: z.boolean(),
    addStock: z.int().check(z.gte(-MARKET_STOCK_MAX), z.lte(MARKET_STOCK_MAX)),
  }),
  z.object({ item: marketItemViewSchema }),
);

const redemptionStatusSchema = z.enum(REDEMPTION_STATUSES);

/** A redemption as its resident reads it: with the hand-over code while it waits. */
export const myRedemptionViewSchema = z.object({
  id: idSchema,
  itemId: idSchema,
  itemName: z.string(),
  points: z.int(),
  status: redemptionStatusSchema,
  code: z.optional(handOverCodeSchema),
  requestedAt: epochMsSchema,
  endedAt: z.optional(epochMsSchema),
  reason: z.optional(z.string()),
});

/** A redemption as staff read it: who and what, never the code (the resident shows it). */
export const staffRedemptionViewSchema = z.object({
  id: idSchema,
  personName: z.string(),
  itemName: z.string(),
  points: z.int(),
  status: redemptionStatusSchema,
  requestedAt: epochMsSchema,
  endedAt: z.optional(epochMsSchema),
  reason: z.optional(z.string()),
});

/**
 * `redeemItem` (兑换): the caller takes an item of their community's 爱心超市 for its price in 爱心积分 — stock
 * and points in one transaction, never overdrawn. A retry with the same `idempotencyKey` answers the first.
 */
export const redeemItemContract = contract(
  'redeemItem',
  z.object({ itemId: idSchema, idempotencyKey: idempotencyKeySchema }),
  z.object({ redemption: myRedemptionViewSchema, pointBalance: z.int(), replayed: z.boolean() }),
);

/** `myRedemptions` (我的兑换): the caller's redemptions, newest first. */
export const myRedemptionsContract = contract(
  'myRedemptions',
  pageRequestSchema,
  z.object({ items: z.array(myRedemptionViewSchema), nextCursor: nextCursorSchema }),
);

/** `marketRedemptions` (兑换核销): the staff's community's redemptions, the waiting ones first (oldest first), then the rest. */
export const marketRedemptionsContract = contract(
  'marketRedemptions',
  pageRequestSchema,
  z.object({ communityCode: communityCodeSchema, items: z.array(staffRedemptionViewSchema), nextCursor: nextCursorSchema }),
);

/** `handOverRedemption` (核销): staff of the community hand the item over against the code the resident shows. */
export const handOverRedemptionContract = contract(
  'handOverRedemption',
  z.object({ redemptionId: idSchema, code: handOverCodeSchema }),
  z.object({ redemption: staffRedemptionViewSchema, changed: z.boolean() }),
);

/**
 * `cancelRedemption`: before the hand-over, the resident cancels their redemption, or staff of the community
 * refuse it with a `reason`; the stock and the points go back.
 */
export const cancelRedemptionContract = contract(
  'cancelRedemption',
  z.object({ redemptionId: idSchema, reason: z.optional(userTextSchema(REDEMPTION_REASON_MAX)) }),
  z.object({ redemptionId: idSchema, status: redemptionStatusSchema, pointBalance: z.optional(z.int()) }),
);

export type MarketItemView = z.infer<typeof marketItemViewSchema>;
export type MyRedemptionView = z.infer<typeof myRedemptionViewSchema>;
export type StaffRedemptionView = z.infer<typeof staffRedemptionViewSchema>;
