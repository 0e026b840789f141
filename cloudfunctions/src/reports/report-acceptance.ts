import {
  awardForReport,
  firstOpenMonth,
  monthCountedIn,
  monthsToAsk,
  type LedgerEntry,
  type PointsRules,
  type Report,
} from '@pingan/shared';
import { AppError } from '../platform/app-error';
import { dailyFenIn, writeAwardIn } from '../points/points-ledger.repository';
import { lockedMonthsIn } from '../points/settlement.repository';
import { docAfter, type ReportDoc } from './report-document';
import { decide } from './report-transition';
import { findReportIn, saveTransitionIn } from './reports.repository';
import { inTransaction, TransactionBusyError } from '../platform/sdk';
import type { KnownCaller } from '../users/caller';
import { actorOf } from '../users/user-document';
import { findUserById } from '../users/users.repository';

export type Acceptance = {
  readonly reportId: string;
  /** The report as read before the transaction (with the caller, in one round trip); undefined if none. */
  readonly seen: ReportDoc | undefined;
  readonly note: string | undefined;
  readonly caller: KnownCaller;
  readonly rules: PointsRules;
  readonly now: number;
};

/**
 * 受理: accepts a submitted report as valid and pays its reporter, in one transaction — the report read
 * and moved to `accepted`, the award written under `award:<reportId>`, the day's counter moved on. Of
 * concurrent accepts one commits; the others read the accepted report and fail the transition (or
 * collide on the award id), so the reporter is paid exactly once.
 *
 * Who reported it, and whether they earn money here, is worked out from the report read before the
 * transaction (an expected failure answers early, too): the transaction then reads the day's counter and
 * the report again to decide for real. Writing the counter makes concurrent acceptances for one person
 * conflict, so the cap holds; the losers retry (platform/sdk.ts) and read the counter anew, and one that keeps
 * losing tells the caller to try again later (REPORT.BUSY), never INTERNAL.ERROR.
 */
export async function acceptAsValid(acceptance: Acceptance): Promise<ReportDoc> {
  const { reportId, note, caller, rules, now } = acceptance;
  const action = { type: 'accept', ...(note !== undefined && { note }) } as const;
  const seen = decide(acceptance.seen, action, caller, now);
  const reporterDoc = await findUserById(seen.before.reporterId);
  if (!reporterDoc) throw new Error(`reports/${reportId}: reporter ${seen.before.reporterId} is missing`);
  const reporter = actorOf(reporterDoc);
  const awardFor = (report: Report, fenAwardedThatDay: number) =>
    awardForReport({ report, reporter, category: seen.before.terms, rules, fenAwardedThatDay });
  const foreseen = awardFor(seen.report, 0);
  return busyAsReportBusy(
    inTransaction(async (tx) => {
      const money = foreseen?.unit === 'fen' ? foreseen : undefined;
      // Beside the day's counter, the settlement month's document: read at once, so the transaction is no longer.
      const [fenBefore, locked] = await Promise.all([
        money ? dailyFenIn(tx, money.personId, money.dayKey) : 0,
        money ? lockedMonthsIn(tx, monthsToAsk(monthCountedIn(money), now)) : new Set<string>(),
      ]);
      const { before, report, event } = decide(await findReportIn(tx, reportId), action, caller, now);
      const award = awardFor(report, fenBefore);
      // The unit depends on the reporter and the grid alone, neither of which acceptance changes.
      if (award?.unit === 'fen' && foreseen?.unit !== 'fen') throw new Error(`reports/${reportId}: money award without its day's counter`);
      if (award) await writeAwardIn(tx, inOpenMonth(award, locked), fenBefore);
      await saveTransitionIn(tx, before, report, event, now);
      return docAfter(before, report, event, now);
    }),
  );
}

/**
 * Money counts in the month of acceptance, which is open unless its settlement has begun (a run fired
 * early, a clock behind): then in the first open month after it, so nothing is written into a locked
 * month. `locked` is read in the acceptance transaction: one settlement-month document by id, nearly always.
 */
function inOpenMonth(award: LedgerEntry, locked: ReadonlySet<string>): LedgerEntry {
  return award.unit === 'fen' ? { ...award, monthKey: firstOpenMonth(monthCountedIn(award), locked) } : award;
}

/** A transaction on a report that kept losing conflicts is reported as busy, for the caller to try again. */
export async function busyAsReportBusy<T>(transaction: Promise<T>): Promise<T> {
  try {
    return await transaction;
  } catch (error) {
    if (error instanceof TransactionBusyError) throw new AppError('REPORT.BUSY', '同时办理这件事的人较多，请稍后再试');
    throw error;
  }
}
