import {
  adjustmentEntry,
  adjustmentEntryId,
  adjustmentMessage,
  hasRole,
  hasText,
  informantGridsOf,
  shanghaiMonthKey,
  type LedgerEntry,
  type LedgerUnit,
} from '@pingan/shared';
import { insertMessage } from '../notifications/messages.repository';
import { AppError } from '../platform/app-error';
import { db, inTransaction, isDuplicateKey, oneOf } from '../platform/sdk';
import { gridsUnder } from '../routing/regions.repository';
import type { KnownCaller } from '../users/caller';
import { findUserById } from '../users/users.repository';
import type { LedgerDoc } from './award-documents';
import { firstOpenMonthIn } from './settlement.repository';

const LEDGER = 'pointsLedger';

export type PointsAdjustment = {
  readonly personId: string;
  readonly unit: LedgerUnit;
  readonly amount: number;
  readonly reason: string;
  readonly key: string;
  readonly caller: KnownCaller;
  readonly now: number;
};

/**
 * 调整: a staff correction of a person's money or community points, with a reason (ledger-adjustment.ts).
 * Money (fen) is the county centre's alone, the one that pays; points, a centre over one of the person's
 * grids (community, street or county; an informant's approved grids count too). One transaction reads the entry's id (a retry of the same key answers
 * what it wrote; another amount, unit or reason under it is POINTS.IDEMPOTENCY_CONFLICT) and, for money, the
 * settlement months from now's on up to the first open one (firstOpenMonthIn, as reverseAward), and inserts
 * `adjustment:<personId>:<key>`. Then the person is told in 消息, under the entry's id: once, retries too.
 */
export async function adjustPoints(adjustment: PointsAdjustment): Promise<LedgerEntry> {
  const { personId, unit, caller } = adjustment;
  const centre = hasRole(caller.actor, 'centre') ? caller.actor.centre : undefined;
  if (!centre || (unit === 'fen' && centre.level !== 'county'))
    throw new AppError('AUTH.FORBIDDEN', unit === 'fen' ? '只有县综治中心可以调整以奖代补金额' : '只有综治中心可以调整爱心积分');
  // Every entry says why: words that say nothing (blank once normalised) are refused before anything is read.
  if (!hasText(adjustment.reason)) throw new AppError('POINTS.REASON_REQUIRED', '请写明调整的原因');
  const [person, grids] = await Promise.all([
    findUserById(personId),
    centre.level === 'county' ? undefined : gridsUnder(centre.level as 'street' | 'community', centre.regionCode),
  ]);
  // The person's grids: lived, volunteered or served in, and approved for as an informant.
  const personGrids = person ? [...person.gridCodes, ...informantGridsOf(person)] : [];
  const served = !grids || personGrids.some((code) => grids.some((grid) => grid.code === code));
  if (!person || !served) throw new AppError('POINTS.PERSON_NOT_FOUND', '没有找到这个人');
  const entry = await writeAdjustment(adjustment);
  await insertMessage(adjustmentMessage(entry, { personId, openid: person.openid }));
  return entry;
}

async function writeAdjustment(adjustment: PointsAdjustment): Promise<LedgerEntry> {
  const { personId, unit, amount, reason, key, caller, now } = adjustment;
  const id = adjustmentEntryId(personId, key);
  try {
    return await inTransaction(async (tx) => {
      const written = (await tx.collection(LEDGER).doc(id).get()).data as LedgerDoc | null;
      if (written) return sameOrConflict(written, adjustment);
      const wanted = shanghaiMonthKey(now);
      const monthKey = unit === 'fen' ? await firstOpenMonthIn(tx, wanted, now) : wanted;
      const entry = adjustmentEntry({ personId, unit, amount, reason, by: caller.actor.id, key, monthKey }, now);
      const { id: _id, ...fields } = entry;
      await tx.collection(LEDGER).add({ data: { _id, ...fields } });
      return entry;
    });
  } catch (error) {
    // The same key sent twice at once: one wrote it; the other answers what was written.
    if (!isDuplicateKey(error)) throw error;
    const written = await oneOf<LedgerDoc>(db().collection(LEDGER).doc(id).get());
    if (!written) throw error;
    return sameOrConflict(written, adjustment);
  }
}

/** The entry a key already wrote, if this call asks for the same thing; otherwise the key was reused. */
function sameOrConflict(written: LedgerDoc, adjustment: PointsAdjustment): LedgerEntry {
  const { _id, ...fields } = written;
  const same =
    written.kind === 'adjustment' &&
    written.unit === adjustment.unit &&
    written.amount === adjustment.amount &&
    written.reason === adjustment.reason.trim() &&
    written.by === adjustment.caller.actor.id;
  if (!same) throw new AppError('POINTS.IDEMPOTENCY_CONFLICT', '这次调整已用其他内容提交过，请重新填写');
  return { id: _id, ...fields };
}
