import {
  awardReversedEvent,
  hasText,
  isSupervisor,
  mayView,
  monthCountedIn,
  reversalEntryId,
  reversalOf,
  awardEntryId,
  type Actor,
  type LedgerEntry,
  type Report,
  type ReversalCause,
} from '@pingan/shared';
import { AppError } from '../platform/app-error';
import { db, inTransaction, oneOf, type Transaction } from '../platform/sdk';
import { busyAsReportBusy } from '../reports/report-acceptance';
import { reportOf, type EventDoc } from '../reports/report-document';
import { REPORTS, findReport, findReportIn } from '../reports/reports.repository';
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
 * The same transaction appends `award_reversed` to the report's timeline (cause and words; the status stays),
 * so its reporter and staff read why on the report. The day's cap is not given back.
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
      await appendReversedEventIn(tx, reportId, { cause, note }, caller, now);
      return entry;
    }),
  );
}

/**
 * What a report's award paid, when it may still be reversed by this actor (撤销奖励 on the staff case page,
 * caseActions): an accepted report, a supervisor of it, an award that paid something, no reversal yet.
 * The award and the reversal are read by id at once; nothing is read for anyone else.
 */
export async function reversibleAward(actor: Actor, report: Report): Promise<Pick<LedgerEntry, 'unit' | 'amount'> | undefined> {
  if (report.acceptedAt === undefined || !isSupervisor(actor, report)) return undefined;
  const ledger = db().collection(LEDGER);
  const [award, reversal] = await Promise.all([
    oneOf<LedgerDoc>(ledger.doc(awardEntryId(report.id)).get()),
    oneOf<LedgerDoc>(ledger.doc(reversalEntryId(report.id)).get()),
  ]);
  if (!award || reversal || award.amount === 0) return undefined;
  return { unit: award.unit, amount: award.amount };
}

/** Appends `award_reversed` to the report's timeline, read in the transaction so its place (`seq`) is the next one. */
async function appendReversedEventIn(
  tx: Transaction,
  reportId: string,
  reversal: { readonly cause: ReversalCause; readonly note: string },
  caller: KnownCaller,
  now: number,
): Promise<void> {
  const doc = await findReportIn(tx, reportId);
  if (!doc) throw new Error(`reports/${reportId}: gone while its award was reversed`);
  const event: EventDoc = { ...awardReversedEvent(reportOf(doc), reversal, caller.actor, now), actorName: caller.user.name };
  const _ = db().command;
  await tx
    .collection(REPORTS)
    .doc(reportId)
    .update({ data: { events: _.push([event]), version: _.inc(1) } });
}
