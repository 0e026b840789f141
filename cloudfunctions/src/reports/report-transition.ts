import { applyTransition, mayView, type ReportAction } from '@pingan/shared';
import { AppError } from '../platform/app-error';
import { docAfter, reportOf, type EventStorage, type ReportDoc } from './report-document';
import { REPORT_REFUSALS } from './report-refusals';
import { findReport, saveTransition } from './reports.repository';
import type { KnownCaller } from '../users/caller';

const ATTEMPTS = 3;

/**
 * Applies an action that touches the report alone (everything but acceptance, which also pays) to the
 * report as first read: the shared lifecycle decides, then a conditional update on the version read.
 * When someone else changed the report in between, it is read again and the decision made again.
 * `stored` goes onto the event for the server alone (EventStorage).
 */
export async function transitionReport(
  first: ReportDoc | undefined,
  action: ReportAction,
  caller: KnownCaller,
  now: number,
  stored: EventStorage = {},
): Promise<ReportDoc> {
  let read = first;
  for (let attempt = 1; ; attempt += 1) {
    const { before, report, event } = decide(read, action, caller, now, stored);
    if (await saveTransition(before, report, event, now)) return docAfter(before, report, event, now);
    if (attempt === ATTEMPTS) throw new Error(`reports/${before._id}: still changing after ${ATTEMPTS} attempts`);
    read = await findReport(before._id);
  }
}

/**
 * The lifecycle's verdict on an action by the caller, with the event named for the timeline. A report
 * the caller may not see is not found, whatever the action: its existence is not theirs to learn.
 */
export function decide(before: ReportDoc | undefined, action: ReportAction, caller: KnownCaller, now: number, stored: EventStorage = {}) {
  const { actor } = caller;
  if (!before || !mayView(actor, before)) throw new AppError('REPORT.NOT_FOUND', REPORT_REFUSALS['REPORT.NOT_FOUND']);
  const outcome = applyTransition(reportOf(before), action, actor, now);
  if (!outcome.ok) throw new AppError(outcome.code, REPORT_REFUSALS[outcome.code]);
  return { before, report: outcome.report, event: { ...outcome.event, actorName: caller.user.name, ...stored } };
}
