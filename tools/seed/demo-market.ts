/**
 * The demo community's 爱心超市 (data/demo-county/market.json): its items, and community points for the
 * demo resident so she has something to redeem (one `adjustment` entry with its reason, never a balance
 * field). Pure: the seed writes these documents where they are missing, by their fixed ids, so a re-seed
 * neither restores stock taken by redemptions nor adds the points twice.
 */
import { adjustmentEntry, editedItem, shanghaiDayKey, type LedgerEntry, type MarketItem } from '@pingan/shared';
import type { SeedDocument } from './demo-documents';

type MarketFile = {
  readonly items: readonly (Omit<MarketItem, 'createdAt' | 'updatedAt' | 'updatedBy'> & { readonly communityCode: string })[];
  readonly points: readonly {
    readonly personId: string;
    readonly key: string;
    readonly points: number;
    readonly reason: string;
    readonly by: string;
  }[];
};

/** The documents of market.json at `now` (the first seed's moment), each checked by the domain's own rules. */
export function demoMarketDocuments(file: unknown, now: number): { marketItems: SeedDocument[]; pointsLedger: SeedDocument[] } {
  const market = file as MarketFile;
  const marketItems = market.items.map((entry) => {
    const item = editedItem(
      undefined,
      {
        name: entry.name,
        description: entry.description,
        pricePoints: entry.pricePoints,
        ...(entry.perPersonLimit !== undefined && { perPersonLimit: entry.perPersonLimit }),
        active: entry.active,
        addStock: entry.stock,
      },
      { id: entry.id, communityCode: entry.communityCode, by: 'seed', at: now },
    );
    if (!item || !Number.isSafeInteger(item.pricePoints) || item.pricePoints < 1)
      throw new Error(`market.json: item ${entry.id} is invalid`);
    const { id, ...fields } = item;
    return { _id: id, ...fields };
  });
  const pointsLedger = market.points.map((grant) => {
    const entry: LedgerEntry = adjustmentEntry(
      {
        personId: grant.personId,
        unit: 'point',
        amount: grant.points,
        reason: grant.reason,
        by: grant.by,
        key: grant.key,
        monthKey: shanghaiDayKey(now).slice(0, 7),
      },
      now,
    );
    const { id, ...fields } = entry;
    return { _id: id, ...fields };
  });
  return { marketItems, pointsLedger };
}
