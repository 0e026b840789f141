import { awardForReport, type PointsRules, type Report } from '@pingan/shared';
import { AppError } from './app-error';
import { dailyFenIn, writeAwardIn } from './points-ledger.repository';
import { docAfter, type ReportDoc } from './report-document';
import { decide } from './report-transition';
import { findReportIn, saveTransitionIn } from './reports.repository';
import { inTransaction } from './sdk';
import { actorOf, type UserDoc } from './user-document';
import { findUserById } from './users.repository';

export type Acceptance = {
  readonly reportId: string;
  /** The report as read before the transaction (with the caller, in one round trip); undefined if none. */
  readonly seen: ReportDoc | undefined;
  readonly note: string | undefined;
  readonly caller: UserDoc;
  readonly rules: PointsRules;
  readonly now: number;
};

/**
 * Retrying the acceptance after a write conflict. The cloud does not queue transactions: it reports a
 * conflict to the one that writes second (at that write, where wx-server-sdk turns the code into errCode
 * -501001 so runTransaction never retries it, or at commit, where it would retry at once). Acceptances for
 * one reporter all write the day's counter, so of several at once all but one lose each round. They retry
 * here after a random wait that doubles with each attempt ("full jitter"), so that the losers spread out
 * instead of meeting again; 8 attempts wait about 0.9 s in all on average and 1.8 s at most, inside the
 * platform's default 3 s time limit, then the caller is told to try again later (REPORT.BUSY), never
 * INTERNAL.ERROR.
 */
const ATTEMPTS = 8;
const FIRST_WAIT_MS = 20;
const LONGEST_WAIT_MS = 400;

/**
 * 受理: accepts a submitted report as valid and pays its reporter, in one transaction — the report read
 * and moved to `accepted`, the award written under `award:<reportId>`, the day's counter moved on. Of
 * concurrent accepts one commits; the others read the accepted report and fail the transition (or
 * collide on the award id), so the reporter is paid exactly once.
 *
 * Who reported it, and whether they earn money here, is worked out from the report read before the
 * transaction (an expected failure answers early, too): the transaction then reads the day's counter and
 * the report again to decide for real. Writing the counter makes concurrent acceptances for one person
 * conflict, so the cap holds; the losers retry (above) and read the counter anew.
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
  return retryingConflicts(() => inTransaction(async (tx) => {
    const fenBefore = foreseen?.unit === 'fen' ? await dailyFenIn(tx, foreseen.personId, foreseen.dayKey) : 0;
    const { before, report, event } = decide(await findReportIn(tx, reportId), action, caller, now);
    const award = awardFor(report, fenBefore);
    // The unit depends on the reporter and the grid alone, neither of which acceptance changes.
    if (award?.unit === 'fen' && foreseen?.unit !== 'fen') throw new Error(`reports/${reportId}: money award without its day's counter`);
    if (award) await writeAwardIn(tx, award, fenBefore);
    await saveTransitionIn(tx, before, report, event, now);
    return docAfter(before, report, event, now);
  }, 0));
}

/** Runs `attempt` (one transaction, which the SDK does not retry) again after a conflict, as above. */
async function retryingConflicts<T>(attempt: () => Promise<T>): Promise<T> {
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isTransactionConflict(error)) throw error;
      if (tries === ATTEMPTS) throw new AppError('REPORT.BUSY', '同时办理这件事的人较多，请稍后再试');
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** tries)));
    }
  }
}

/** A write conflict as the SDK hands it over: the service's code at commit, only its message at a write. */
function isTransactionConflict(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, errMsg, message } = error as { code?: unknown; errMsg?: unknown; message?: unknown };
  return code === 'DATABASE_TRANSACTION_CONFLICT' || String(errMsg ?? message ?? '').includes('TransactionConflict');
}
