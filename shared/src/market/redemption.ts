import type { ErrorCode } from '../contracts/error-codes';
import { type LedgerEntry } from '../points/ledger-entry';
import { shanghaiDayKey } from '../time/shanghai-time';
import type { MarketItem } from './market-item';

/**
 * A redemption's life (docs/DESIGN.md, "Points"): `requested` when the points are taken and the stock held;
 * then `handedOver` when staff give the item against the resident's code, or `cancelled` by the resident /
 * `refused` by staff before that, which gives the stock and the points back.
 */
export const REDEMPTION_STATUSES = ['requested', 'handedOver', 'cancelled', 'refused'] as const;
export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number];

/** The longest reason staff give for refusing a redemption. */
export const REDEMPTION_REASON_MAX = 100;

/** Whether a redemption still waits for its hand-over (the only status that moves on). */
export function isRedemptionOpen(status: RedemptionStatus): boolean {
  return status === 'requested';
}

/** Whether a redemption holds a place against the item's per-person limit (it was not given back). */
export function holdsItem(status: RedemptionStatus): boolean {
  return status === 'requested' || status === 'handedOver';
}

export type Redemption = {
  readonly id: string;
  readonly personId: string;
  readonly personName: string;
  readonly communityCode: string;
  readonly itemId: string;
  readonly itemName: string;
  readonly points: number;
  readonly status: RedemptionStatus;
  /** The 6 digits the resident shows at the hand-over; only they (and the database) ever read it. */
  readonly code: string;
  readonly requestedAt: number;
  /** When it was handed over, cancelled or refused, by whom (person id), and staff's words for a refusal. */
  readonly endedAt?: number;
  readonly endedBy?: string;
  readonly reason?: string;
};

/** The ledger id of a redemption's points: `redemption:<redemptionId>`, written once with the redemption. */
export function redemptionEntryId(redemptionId: string): string {
  return `redemption:${redemptionId}`;
}

/** The ledger id of the points given back when a redemption is cancelled or refused: `refund:<redemptionId>`. */
export function refundEntryId(redemptionId: string): string {
  return `refund:${redemptionId}`;
}

/** What a redemption is checked against, all read in the one transaction that writes it. */
export type RedeemFacts = {
  readonly item: MarketItem | undefined;
  /** The community of the person's joined grid: they redeem only in their own 爱心超市. */
  readonly communityCode: string;
  /** The person's 爱心积分 balance (the ledger's sum). */
  readonly balance: number;
  /** How many of this item the person holds now (requested or handed over). */
  readonly held: number;
};

/**
 * Why a redemption is refused, in the order a resident would want to hear it: no such item here, not
 * offered now, none left, the per-person limit reached, not enough points; undefined when it may go ahead.
 */
export function redeemRefusal({ item, communityCode, balance, held }: RedeemFacts): ErrorCode | undefined {
  if (!item || item.communityCode !== communityCode) return 'MARKET.NOT_FOUND';
  if (!item.active) return 'MARKET.INACTIVE';
  if (item.stock <= 0) return 'MARKET.OUT_OF_STOCK';
  if (item.perPersonLimit !== undefined && held >= item.perPersonLimit) return 'MARKET.LIMIT_REACHED';
  if (balance < item.pricePoints) return 'POINTS.INSUFFICIENT';
  return undefined;
}

/** A new redemption of `item` by a person, at the item's price now, with its hand-over code. */
export function newRedemption(
  item: MarketItem,
  person: { readonly id: string; readonly name: string },
  ids: { readonly id: string; readonly code: string },
  at: number,
): Redemption {
  return {
    id: ids.id,
    personId: person.id,
    personName: person.name,
    communityCode: item.communityCode,
    itemId: item.id,
    itemName: item.name,
    points: item.pricePoints,
    status: 'requested',
    code: ids.code,
    requestedAt: at,
  };
}

/** The ledger entry taking a redemption's points: `redemption:<id>`, negative, in community points. */
export function redemptionEntry(redemption: Redemption): LedgerEntry {
  return pointEntry(redemptionEntryId(redemption.id), 'redemption', redemption, -redemption.points, redemption.requestedAt);
}

/** The compensating entry giving a cancelled or refused redemption's points back: `refund:<id>`, positive. */
export function refundEntry(redemption: Redemption, at: number): LedgerEntry {
  return pointEntry(refundEntryId(redemption.id), 'refund', redemption, redemption.points, at);
}

export type RedemptionMove =
  | { readonly type: 'handOver'; readonly code: string; readonly by: string }
  | { readonly type: 'cancel'; readonly by: string }
  | { readonly type: 'refuse'; readonly by: string; readonly reason: string };

export type MoveResult =
  | { readonly ok: true; readonly redemption: Redemption; readonly changed: boolean; readonly givesBack: boolean }
  | { readonly ok: false; readonly code: ErrorCode };

/**
 * A move of a requested redemption. Handing over needs the resident's code; handing over what is already
 * handed over changes nothing (a second tap, a retry); anything else once it ended is refused. Cancelling
 * and refusing give the stock and points back (`givesBack`); refusing needs staff's words. Who may make
 * which move is the function's to check.
 */
export function moveRedemption(redemption: Redemption, move: RedemptionMove, at: number): MoveResult {
  if (move.type === 'handOver' && move.code !== redemption.code) return { ok: false, code: 'MARKET.CODE_MISMATCH' };
  if (move.type === 'handOver' && redemption.status === 'handedOver') return { ok: true, redemption, changed: false, givesBack: false };
  if (!isRedemptionOpen(redemption.status)) return { ok: false, code: 'MARKET.INVALID_TRANSITION' };
  if (move.type === 'refuse' && move.reason.trim() === '') return { ok: false, code: 'MARKET.REASON_REQUIRED' };
  const status: RedemptionStatus = move.type === 'handOver' ? 'handedOver' : move.type === 'cancel' ? 'cancelled' : 'refused';
  const ended: Redemption = {
    ...redemption,
    status,
    endedAt: at,
    endedBy: move.by,
    ...(move.type === 'refuse' && { reason: move.reason.trim() }),
  };
  return { ok: true, redemption: ended, changed: true, givesBack: status !== 'handedOver' };
}

/**
 * Where a redemption sits in its community's list for staff (ascending): the waiting ones first, oldest
 * first, then the ended ones, latest first. A number, so the list pages by keyset on one index.
 */
export function redemptionListRank(redemption: Redemption): number {
  if (isRedemptionOpen(redemption.status)) return redemption.requestedAt;
  return ENDED_BASE - (redemption.endedAt ?? redemption.requestedAt);
}

/** Above any instant (year 2286) and twice it below 2^53: the ended ones sort after every waiting one. */
const ENDED_BASE = 2 * 10 ** 13;

function pointEntry(id: string, kind: 'redemption' | 'refund', redemption: Redemption, amount: number, at: number): LedgerEntry {
  const dayKey = shanghaiDayKey(at);
  return {
    id,
    personId: redemption.personId,
    kind,
    unit: 'point',
    amount,
    at,
    dayKey,
    monthKey: dayKey.slice(0, 7),
    redemptionId: redemption.id,
    itemId: redemption.itemId,
  };
}
