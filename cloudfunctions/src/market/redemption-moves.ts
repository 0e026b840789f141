import { createHash, randomInt } from 'node:crypto';
import {
  communityOfGrid,
  holdsItem,
  mayHandOverIn,
  moveRedemption,
  newRedemption,
  redeemRefusal,
  redemptionEntry,
  redemptionListRank,
  refundEntry,
  type Redemption,
  type RedemptionMove,
} from '@pingan/shared';
import { AppError } from '../platform/app-error';
import { inTransaction, TransactionBusyError } from '../platform/sdk';
import { balancesOf } from '../points/points-ledger.repository';
import type { KnownCaller } from '../users/caller';
import { itemOf, redemptionOf, type RedemptionDoc } from './market-documents';
import {
  addLedgerEntryIn,
  findRedemption,
  guardIn,
  itemIn,
  redemptionIn,
  setGuardIn,
  setItemIn,
  setRedemptionIn,
} from './market.repository';

/** A redemption's id from its person and the request's idempotency key: `m` and 24 hex of SHA-256. */
export function redemptionIdFor(personId: string, idempotencyKey: string): string {
  return `m${createHash('sha256').update(`${personId}\n${idempotencyKey}`).digest('hex').slice(0, 24)}`;
}

export type Redeemed = { readonly redemption: Redemption; readonly pointBalance: number; readonly replayed: boolean };

/**
 * 兑换 (docs/DESIGN.md, "Points"): one transaction reads the person's guard, the item and any redemption
 * under this id; then the balance (the ledger's sum, one aggregate); checks them (redeemRefusal); and
 * writes the item's stock less one, `redemption:<id>` of −price, the redemption and the guard. Writing the
 * guard makes two spends of one person conflict, the item two takes of one stock: the loser runs again
 * and reads both anew, so neither is ever overdrawn. A retry with the same key answers the first.
 */
export async function redeemItem(caller: KnownCaller, itemId: string, idempotencyKey: string, now: number): Promise<Redeemed> {
  const personId = caller.actor.id;
  const id = redemptionIdFor(personId, idempotencyKey);
  const earlier = await findRedemption(id);
  if (earlier) return replayOf(earlier, itemId, personId);
  const grid = caller.user.joinedGridCode;
  if (grid === undefined) throw new AppError('GRID.NOT_JOINED', '请先扫码加入所在网格');
  const communityCode = communityOfGrid(grid);
  const redeemed = await busyAsMarketBusy(
    inTransaction(async (tx): Promise<Redeemed | RedemptionDoc> => {
      const [guard, itemDoc, existing] = await Promise.all([guardIn(tx, personId), itemIn(tx, itemId), redemptionIn(tx, id)]);
      if (existing) return existing;
      // After the guard is read: any spend committed since conflicts with this one's guard write below.
      const balance = (await balancesOf(personId)).point;
      const item = itemDoc && itemOf(itemDoc);
      const refusal = redeemRefusal({ item, communityCode, balance, held: guard?.held[itemId] ?? 0 });
      if (refusal || !item) throw new AppError(refusal ?? 'MARKET.NOT_FOUND', REFUSALS[refusal ?? 'MARKET.NOT_FOUND'] ?? refusal);
      const redemption = newRedemption(item, { id: personId, name: caller.user.name }, { id, code: handOverCode() }, now);
      await Promise.all([
        setItemIn(tx, { ...itemDoc, stock: item.stock - 1 }),
        addLedgerEntryIn(tx, redemptionEntry(redemption)),
        setRedemptionIn(tx, docOf(redemption, idempotencyKey)),
        setGuardIn(tx, personId, guard, itemId, 1, now),
      ]);
      return { redemption, pointBalance: balance - item.pricePoints, replayed: false };
    }),
  );
  return 'replayed' in redeemed ? redeemed : replayOf(redeemed, itemId, personId);
}

export type Moved = { readonly redemption: Redemption; readonly changed: boolean };

/**
 * 核销, 取消 or 退回 a redemption in one transaction: read it (and for a give-back the item and the
 * person's guard), move it (moveRedemption), and for a cancel or refusal put the stock back, write the
 * compensating `refund:<id>` and move the guard. `allowed` says whether the caller may make the move on
 * this redemption (one they may not is MARKET.REDEMPTION_NOT_FOUND); `move` may depend on it (whose it is).
 */
export async function moveRedemptionOf(
  redemptionId: string,
  move: RedemptionMove | ((redemption: Redemption) => RedemptionMove),
  allowed: (redemption: Redemption) => boolean,
  now: number,
): Promise<Moved> {
  return busyAsMarketBusy(
    inTransaction(async (tx) => {
      const doc = await redemptionIn(tx, redemptionId);
      const redemption = doc && redemptionOf(doc);
      if (!doc || !redemption || !allowed(redemption)) throw new AppError('MARKET.REDEMPTION_NOT_FOUND', '没有找到这次兑换');
      const result = moveRedemption(redemption, typeof move === 'function' ? move(redemption) : move, now);
      if (!result.ok) throw new AppError(result.code, REFUSALS[result.code] ?? result.code);
      if (!result.changed) return { redemption, changed: false };
      const writes: Promise<void>[] = [setRedemptionIn(tx, docOf(result.redemption, doc.idempotencyKey))];
      if (result.givesBack) {
        const [itemDoc, guard] = await Promise.all([itemIn(tx, redemption.itemId), guardIn(tx, redemption.personId)]);
        if (itemDoc) writes.push(setItemIn(tx, { ...itemDoc, stock: itemDoc.stock + 1 }));
        writes.push(addLedgerEntryIn(tx, refundEntry(result.redemption, now)));
        writes.push(setGuardIn(tx, redemption.personId, guard, redemption.itemId, holdsItem(result.redemption.status) ? 0 : -1, now));
      }
      await Promise.all(writes);
      return { redemption: result.redemption, changed: true };
    }),
  );
}

/** Whether staff may hand over or refuse redemptions of this one's community. */
export function staffMayMove(caller: KnownCaller): (redemption: Redemption) => boolean {
  return (redemption) => mayHandOverIn(caller.actor, redemption.communityCode);
}

/** A transaction that kept losing its conflicts answers MARKET.BUSY: try again. */
async function busyAsMarketBusy<T>(transaction: Promise<T>): Promise<T> {
  try {
    return await transaction;
  } catch (error) {
    if (error instanceof TransactionBusyError) throw new AppError('MARKET.BUSY', '同时兑换的人较多，请稍后再试');
    throw error;
  }
}

/** A retry (or a racing twin) of a redemption already written: the first one, and the balance now. */
async function replayOf(doc: RedemptionDoc, itemId: string, personId: string): Promise<Redeemed> {
  if (doc.itemId !== itemId || doc.personId !== personId)
    throw new AppError('MARKET.IDEMPOTENCY_CONFLICT', '这个兑换请求已经用于另一件物品');
  return { redemption: redemptionOf(doc), pointBalance: (await balancesOf(personId)).point, replayed: true };
}

function docOf(redemption: Redemption, idempotencyKey: string): RedemptionDoc {
  const { id, ...rest } = redemption;
  return { _id: id, ...rest, listRank: redemptionListRank(redemption), idempotencyKey };
}

/** Six random digits: the code the resident shows and staff type in at the hand-over. */
function handOverCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

const REFUSALS: Partial<Record<string, string>> = {
  'MARKET.NOT_FOUND': '没有找到这件物品',
  'MARKET.INACTIVE': '这件物品暂停兑换',
  'MARKET.OUT_OF_STOCK': '这件物品已经兑完了',
  'MARKET.LIMIT_REACHED': '这件物品每人可兑换的数量已用完',
  'POINTS.INSUFFICIENT': '爱心积分不够',
  'MARKET.CODE_MISMATCH': '兑换码不对',
  'MARKET.INVALID_TRANSITION': '这次兑换已经领取、取消或退回了',
  'MARKET.REASON_REQUIRED': '退回兑换时请写明原因',
};
