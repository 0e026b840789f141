import { hasRole, type Actor } from '../people/actor';

/** The longest name and description an item keeps; the dearest price, the largest stock, the highest per-person limit. */
export const MARKET_NAME_MAX = 30;
export const MARKET_DESCRIPTION_MAX = 200;
export const MARKET_PRICE_MAX = 100_000;
export const MARKET_STOCK_MAX = 100_000;
export const MARKET_LIMIT_MAX = 100;

/**
 * One good or service of a community's 爱心超市 (docs/DESIGN.md, "Points"): its price in community points
 * (爱心积分), the stock left, an optional per-person limit, and whether it is offered now.
 */
export type MarketItem = {
  readonly id: string;
  readonly communityCode: string;
  readonly name: string;
  readonly description: string;
  readonly pricePoints: number;
  readonly stock: number;
  /** How many one person may hold (redemptions not cancelled or refused); none: no limit. */
  readonly perPersonLimit?: number;
  readonly active: boolean;
  readonly createdAt: number;
  readonly updatedAt: number;
  /** The staff member (person id) who last saved it. */
  readonly updatedBy: string;
};

/** What staff save: the item's terms, and stock to add (negative to take some off, never below 0). */
export type MarketItemEdit = {
  readonly name: string;
  readonly description: string;
  readonly pricePoints: number;
  readonly perPersonLimit?: number;
  readonly active: boolean;
  readonly addStock: number;
};

/**
 * The item after staff saved `edit` — a new one when `item` is undefined. The stock moves by `addStock`
 * from what it is now (redemptions take it meanwhile, so staff add, they never set it); undefined when that
 * would leave it below 0 or above the largest stock.
 */
export function editedItem(
  item: MarketItem | undefined,
  edit: MarketItemEdit,
  who: { readonly id: string; readonly communityCode: string; readonly by: string; readonly at: number },
): MarketItem | undefined {
  const stock = (item?.stock ?? 0) + edit.addStock;
  if (stock < 0 || stock > MARKET_STOCK_MAX) return undefined;
  return {
    id: who.id,
    communityCode: item?.communityCode ?? who.communityCode,
    name: edit.name,
    description: edit.description,
    pricePoints: edit.pricePoints,
    stock,
    ...(edit.perPersonLimit !== undefined && { perPersonLimit: edit.perPersonLimit }),
    active: edit.active,
    createdAt: item?.createdAt ?? who.at,
    updatedAt: who.at,
    updatedBy: who.by,
  };
}

/** A grid's community: the division code its grid code starts with (`410399001001-03` → `410399001001`). */
export function communityOfGrid(gridCode: string): string {
  return gridCode.split('-')[0] ?? gridCode;
}

/**
 * Who runs a community's 爱心超市 (items, stock, prices): its 社区综治中心 and the 网格长 of its grids — as
 * for a grid's service catalogue. The street and county centres look on; they do not run it.
 */
export function mayManageMarket(actor: Actor, communityCode: string): boolean {
  if (isCommunityCentre(actor, communityCode)) return true;
  return hasRole(actor, 'gridLeader') && actor.gridCodes.some((code) => communityOfGrid(code) === communityCode);
}

/** Who hands redeemed items over (核销) and may refuse a redemption: those who run it and the 网格员 of its grids. */
export function mayHandOverIn(actor: Actor, communityCode: string): boolean {
  if (mayManageMarket(actor, communityCode)) return true;
  return hasRole(actor, 'gridWorker') && actor.gridCodes.some((code) => communityOfGrid(code) === communityCode);
}

/**
 * The community whose 爱心超市 a staff member works: a community centre's own, else that of the first grid
 * they lead or work; undefined for anyone else.
 */
export function staffMarketCommunity(actor: Actor): string | undefined {
  if (actor.centre?.level === 'community') return actor.centre.regionCode;
  if (!hasRole(actor, 'gridLeader') && !hasRole(actor, 'gridWorker')) return undefined;
  const grid = actor.gridCodes[0];
  return grid === undefined ? undefined : communityOfGrid(grid);
}

function isCommunityCentre(actor: Actor, communityCode: string): boolean {
  return hasRole(actor, 'centre') && actor.centre?.level === 'community' && actor.centre.regionCode === communityCode;
}
