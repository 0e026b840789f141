import type { AssignOutcome, ReportAction } from '@pingan/shared';
import { AppError } from '../platform/app-error';
import { db, listOf } from '../platform/sdk';
import type { KnownCaller } from '../users/caller';
import { assertMayBeAssigned } from './report-assignment';
import type { ReportDoc } from './report-document';
import { decide, transitionReport } from './report-transition';
import { fromStored, REPORTS } from './reports.repository';

type AssignAction = Extract<ReportAction, { type: 'assign' }>;

/**
 * 批量派单: each case assigned on its own, exactly as `assignReport` assigns one (the lifecycle, then who may
 * receive it, then one conditional update), in the order asked, so one refusal leaves the others assigned.
 * The cases are read in one query; each answers `ok` or the code `assignReport` would have answered.
 */
export async function assignEach(ids: readonly string[], action: AssignAction, me: KnownCaller, now: number): Promise<AssignOutcome[]> {
  const found = await reportsByIds(ids);
  const outcomes: AssignOutcome[] = [];
  for (const reportId of ids) outcomes.push(await assignOne(reportId, found.get(reportId), action, me, now));
  return outcomes;
}

async function assignOne(
  reportId: string,
  report: ReportDoc | undefined,
  action: AssignAction,
  me: KnownCaller,
  now: number,
): Promise<AssignOutcome> {
  try {
    const { before } = decide(report, action, me, now);
    await assertMayBeAssigned(action.to, before);
    await transitionReport(before, action, me, now);
    return { reportId, ok: true };
  } catch (error) {
    if (error instanceof AppError) return { reportId, ok: false, code: error.code };
    // One case's bug must not hide what happened to the others: logged here, answered as an internal error.
    console.error(`assignReports: ${reportId}`, error);
    return { reportId, ok: false, code: 'INTERNAL.ERROR' };
  }
}

/** The reports with these ids, timelines included (a transition appends to it), in one query by `_id`. */
async function reportsByIds(ids: readonly string[]): Promise<Map<string, ReportDoc>> {
  const _ = db().command;
  const rows = await listOf<ReportDoc>(
    db()
      .collection(REPORTS)
      .where({ _id: _.in([...ids]) })
      .limit(ids.length)
      .get(),
  );
  return new Map(rows.map((row) => [row._id, fromStored(row)]));
}
