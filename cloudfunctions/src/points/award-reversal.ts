import {
  hasText,
  isSupervisor,
  mayView,
  monthCountedIn,
  reversalEntryId,
  reversalOf,
  awardEntryId,
  type LedgerEntry,
  type ReversalCause,
} from '@pingan/shared';
import { AppError } from '../platform/app-error';
import { inTransaction } from '../platform/sdk';
import { busyAsReportBusy } from '../reports/report-acceptance';
import { findReport } from '../reports/reports.repository';
import type { KnownCaller } from '../users/caller';
import type { LedgerDoc } from './award-documents';
import { firstOpenMonthIn } from './settlement.repository';

const LEDGER = 'pointsLedger';

export type AwardReversal = {
  readonly reportId: string;
  readonly cause: ReversalCause;
  readonly note: string;
  readonly caller: KnownCaller;
  readonly now: number;
};

/**
 * Reverses what an accepted report paid its reporter, found invalid or a duplicate after all: by staff who
 * may verify the case (its grid's 网格长, a centre at or above its owner), with their words. One transaction
 * reads the award and the settlement months from its month to now's, and writes `reversal:<reportId>`
 * counting in the award's month while it is open, else the first open month after it (firstOpenMonth): a
 * settled month is never written into. A second reversal finds the first (POINTS.ALREADY_REVERSED).
 * The day's cap is not given back.
 */
export async function reverseAward(reversal: AwardReversal): Promise<LedgerEntry> {
  const { reportId, cause, note, caller, now } = reversal;
  const report = await findReport(reportId);
  if (!report || !mayView(caller.actor, report)) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  if (!isSupervisor(caller.actor, report)) throw new AppError('REPORT.FORBIDDEN', '只有网格长或上级中心可以冲正奖励');
  if (!hasText(note)) throw new AppError('REPORT.NOTE_REQUIRED', '请写明冲正的原因');
  return busyAsReportBusy(
    inTransaction(async (tx) => {
      const award = (await tx.collection(LEDGER).doc(awardEntryId(reportId)).get()).data as LedgerDoc | null;
      if (!award) throw new AppError('POINTS.NOT_AWARDED', '这条上报没有发过奖励');
      if ((await tx.collection(LEDGER).doc(reversalEntryId(reportId)).get()).data) {
        throw new AppError('POINTS.ALREADY_REVERSED', '这条上报的奖励已经冲正过了');
      }
      const { _id, ...fields } = award;
      const awardEntry: LedgerEntry = { id: _id, ...fields };
      const wanted = monthCountedIn(awardEntry);
      const monthKey = await firstOpenMonthIn(tx, wanted, now);
      const entry = reversalOf(awardEntry, now, { cause, reason: note, by: caller.actor.id, monthKey });
      const { id, ...stored } = entry;
      await tx.collection(LEDGER).add({ data: { _id: id, ...stored } });
      return entry;
    }),
  );
}
