import type { LedgerEntry } from '@pingan/shared';
import { readKeysetPage, type Page, type PageRead } from '../platform/page-cursor';
import { db, oneOf, type Transaction } from '../platform/sdk';
import { MARKET_ITEMS, POINTS_GUARDS, REDEMPTIONS, type MarketItemDoc, type PointsGuardDoc, type RedemptionDoc } from './market-documents';

const LEDGER = 'pointsLedger';

/** A community's items, cheapest first: those offered now (`activeOnly`), or all of them for those who run it. */
export function itemsPage(communityCode: string, activeOnly: boolean, page: PageRead): Promise<Page<MarketItemDoc>> {
  const where = activeOnly ? { communityCode, active: true } : { communityCode };
  return readKeysetPage({ collection: MARKET_ITEMS, where, orderBy: 'pricePoints', direction: 'asc' }, page);
}

/** A person's redemptions, newest first. */
export function redemptionsOfPerson(personId: string, page: PageRead): Promise<Page<RedemptionDoc>> {
  return readKeysetPage({ collection: REDEMPTIONS, where: { personId }, orderBy: 'requestedAt', direction: 'desc' }, page);
}

/** A community's redemptions for staff: waiting ones first (oldest first), then the ended ones, latest first (listRank). */
export function redemptionsOfCommunity(communityCode: string, page: PageRead): Promise<Page<RedemptionDoc>> {
  return readKeysetPage({ collection: REDEMPTIONS, where: { communityCode }, orderBy: 'listRank', direction: 'asc' }, page);
}

export function findRedemption(id: string): Promise<RedemptionDoc | undefined> {
  return oneOf<RedemptionDoc>(db().collection(REDEMPTIONS).doc(id).get());
}

/** A person's guard outside a transaction (what they hold of each item, for the catalogue's `mine`). */
export function findGuard(personId: string): Promise<PointsGuardDoc | undefined> {
  return oneOf<PointsGuardDoc>(db().collection(POINTS_GUARDS).doc(personId).get());
}

export async function itemIn(tx: Transaction, id: string): Promise<MarketItemDoc | undefined> {
  return ((await tx.collection(MARKET_ITEMS).doc(id).get()).data as MarketItemDoc | null) ?? undefined;
}

export async function redemptionIn(tx: Transaction, id: string): Promise<RedemptionDoc | undefined> {
  return ((await tx.collection(REDEMPTIONS).doc(id).get()).data as RedemptionDoc | null) ?? undefined;
}

export async function guardIn(tx: Transaction, personId: string): Promise<PointsGuardDoc | undefined> {
  return ((await tx.collection(POINTS_GUARDS).doc(personId).get()).data as PointsGuardDoc | null) ?? undefined;
}

export async function setItemIn(tx: Transaction, doc: MarketItemDoc): Promise<void> {
  const { _id, ...fields } = doc;
  await tx.collection(MARKET_ITEMS).doc(_id).set({ data: fields });
}

export async function setRedemptionIn(tx: Transaction, doc: RedemptionDoc): Promise<void> {
  const { _id, ...fields } = doc;
  await tx.collection(REDEMPTIONS).doc(_id).set({ data: fields });
}

/** Moves the guard on: its counter by one, and what the person holds of `itemId` by `heldBy`. */
export async function setGuardIn(
  tx: Transaction,
  personId: string,
  guard: PointsGuardDoc | undefined,
  itemId: string,
  heldBy: number,
  at: number,
): Promise<void> {
  const held = { ...(guard?.held ?? {}), [itemId]: Math.max(0, (guard?.held[itemId] ?? 0) + heldBy) };
  await tx
    .collection(POINTS_GUARDS)
    .doc(personId)
    .set({ data: { held, version: (guard?.version ?? 0) + 1, at } });
}

/** Appends a ledger entry under its derived id: a second one of the same cause collides and rolls the transaction back. */
export async function addLedgerEntryIn(tx: Transaction, entry: LedgerEntry): Promise<void> {
  const { id, ...fields } = entry;
  await tx.collection(LEDGER).add({ data: { _id: id, ...fields } });
}
