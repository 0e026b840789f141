import type { MarketItem, MarketItemView, MyRedemptionView, Redemption, StaffRedemptionView } from '@pingan/shared';
import { isRedemptionOpen } from '@pingan/shared';

export const MARKET_ITEMS = 'marketItems';
export const REDEMPTIONS = 'marketRedemptions';
/**
 * `pointsGuards/<personId>`: written by every transaction that spends a person's 爱心积分 or gives them back
 * (docs/DESIGN.md, "Points"), so two at once for one person conflict and the loser reads the balance anew.
 */
export const POINTS_GUARDS = 'pointsGuards';

/** An item as stored: the domain's item under `_id`. */
export type MarketItemDoc = Omit<MarketItem, 'id'> & { readonly _id: string };

/** A redemption as stored: beside the domain's, its place in the staff's list and the retry's fingerprint. */
export type RedemptionDoc = Omit<Redemption, 'id'> & {
  readonly _id: string;
  readonly listRank: number;
  readonly idempotencyKey: string;
};

/** A person's guard: how many of each item they hold (the per-person limit), and a counter every spend moves. */
export type PointsGuardDoc = {
  readonly _id: string;
  readonly held: Readonly<Record<string, number>>;
  readonly version: number;
  readonly at: number;
};

export function itemOf(doc: MarketItemDoc): MarketItem {
  const { _id, ...rest } = doc;
  return { id: _id, ...rest };
}

export function redemptionOf(doc: RedemptionDoc): Redemption {
  const { _id, listRank: _rank, idempotencyKey: _key, ...rest } = doc;
  return { id: _id, ...rest };
}

export function itemViewOf(item: MarketItem, mine: number): MarketItemView {
  return {
    id: item.id,
    name: item.name,
    description: item.description,
    pricePoints: item.pricePoints,
    stock: item.stock,
    ...(item.perPersonLimit !== undefined && { perPersonLimit: item.perPersonLimit }),
    active: item.active,
    mine,
  };
}

/** The resident's view: the code only while it waits to be handed over. */
export function myRedemptionViewOf(r: Redemption): MyRedemptionView {
  return {
    id: r.id,
    itemId: r.itemId,
    itemName: r.itemName,
    points: r.points,
    status: r.status,
    ...(isRedemptionOpen(r.status) && { code: r.code }),
    requestedAt: r.requestedAt,
    ...(r.endedAt !== undefined && { endedAt: r.endedAt }),
    ...(r.reason !== undefined && { reason: r.reason }),
  };
}

/** The staff's view: never the code. */
export function staffRedemptionViewOf(r: Redemption): StaffRedemptionView {
  return {
    id: r.id,
    personName: r.personName,
    itemName: r.itemName,
    points: r.points,
    status: r.status,
    requestedAt: r.requestedAt,
    ...(r.endedAt !== undefined && { endedAt: r.endedAt }),
    ...(r.reason !== undefined && { reason: r.reason }),
  };
}
