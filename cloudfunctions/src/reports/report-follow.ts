import { followProblem, mayView, type ReportAction } from '@pingan/shared';
import { AppError } from '../platform/app-error';
import { inTransaction } from '../platform/sdk';
import type { KnownCaller } from '../users/caller';
import { busyAsReportBusy } from './report-acceptance';
import { docAfter, type ReportDoc } from './report-document';
import { addFollowIn, findFollowIn, removeFollowIn } from './report-follows.repository';
import { REPORT_REFUSALS } from './report-refusals';
import { decide, transitionReport } from './report-transition';
import { findReportIn, saveTransitionIn } from './reports.repository';

/** Where a follow stands after a call. */
export type FollowState = { readonly reportId: string; readonly following: boolean; readonly supportCount: number };

/** The category's duplicate radius of a report, from the categories read (0 when the category is gone). */
export type RadiusOf = (categoryCode: string) => number;

/**
 * 我也遇到: the caller follows an open report of someone else's, in one transaction that reads the report
 * and the follow, then writes the follow and the report's supportCount +1 together, so the count is the
 * number of follows whatever runs at once; a second follow finds the first and writes nothing. Earns nothing.
 */
export function follow(reportId: string, caller: KnownCaller, radiusOf: RadiusOf, now: number): Promise<FollowState> {
  const { user, actor } = caller;
  return busyAsReportBusy(
    inTransaction(async (tx) => {
      const report = await findReportIn(tx, reportId);
      refuseUnfollowable(report, caller, radiusOf);
      const count = report.supportCount ?? 0;
      if (await findFollowIn(tx, reportId, actor.id)) return { reportId, following: true, supportCount: count };
      await addFollowIn(tx, { reportId, personId: actor.id, openid: user.openid, at: now, via: 'follow' });
      return { reportId, following: true, supportCount: count + 1 };
    }),
  );
}

/** Stops following, the follow removed and the count lowered together; not following changes nothing. */
export function unfollow(reportId: string, caller: KnownCaller, radiusOf: RadiusOf): Promise<FollowState> {
  const { actor } = caller;
  return busyAsReportBusy(
    inTransaction(async (tx) => {
      const report = await findReportIn(tx, reportId);
      const existing = await findFollowIn(tx, reportId, actor.id);
      if (!report) throw new AppError('REPORT.NOT_FOUND', REPORT_REFUSALS['REPORT.NOT_FOUND']);
      const count = report.supportCount ?? 0;
      if (existing) {
        await removeFollowIn(tx, reportId, actor.id);
        return { reportId, following: false, supportCount: Math.max(0, count - 1) };
      }
      // Not following: answer only about a report the caller could have followed or may see.
      const problem = followProblem(report, actor.id, radiusOf(report.categoryCode), mayView(actor, report));
      if (problem === 'hidden') throw new AppError('REPORT.NOT_FOUND', REPORT_REFUSALS['REPORT.NOT_FOUND']);
      return { reportId, following: false, supportCount: count };
    }),
  );
}

function refuseUnfollowable(report: ReportDoc | undefined, caller: KnownCaller, radiusOf: RadiusOf): asserts report is ReportDoc {
  const { actor } = caller;
  const problem = report && followProblem(report, actor.id, radiusOf(report.categoryCode), mayView(actor, report));
  if (!report || problem === 'hidden') throw new AppError('REPORT.NOT_FOUND', REPORT_REFUSALS['REPORT.NOT_FOUND']);
  if (problem === 'own') throw new AppError('REPORT.CANNOT_FOLLOW', '不能关注自己的上报');
  if (problem === 'not_open') throw new AppError('REPORT.CANNOT_FOLLOW', '这件事已经办完，不能再关注');
}

/**
 * 不予受理 as a duplicate (重复上报), merged into the original: in one transaction the rejection is saved and
 * the duplicate's reporter follows the original (via 'merge', supportCount +1, no points), unless they
 * reported the original themselves or follow it already. The original may be closed: staff judged it the
 * same problem, and its reporter's neighbour learns how it ended.
 */
export function rejectAsDuplicate(
  reportId: string,
  action: Extract<ReportAction, { type: 'reject'; reason: 'duplicate' }>,
  caller: KnownCaller,
  now: number,
): Promise<ReportDoc> {
  return busyAsReportBusy(
    inTransaction(async (tx) => {
      const { before, report, event } = decide(await findReportIn(tx, reportId), action, caller, now);
      const original = await findReportIn(tx, action.duplicateOf);
      if (!original) throw new AppError('REPORT.INVALID_DUPLICATE', '重复的原上报不存在');
      const personId = before.reporterId;
      const merge = original.reporterId !== personId && !(await findFollowIn(tx, original._id, personId));
      await saveTransitionIn(tx, before, report, event, now);
      if (merge) await addFollowIn(tx, { reportId: original._id, personId, openid: before.reporterOpenid, at: now, via: 'merge' });
      return docAfter(before, report, event, now);
    }),
  );
}

/** 不予受理: a duplicate is merged into its original (rejectAsDuplicate); any other reason is a plain transition. */
export function rejectReport(
  first: ReportDoc | undefined,
  action: Extract<ReportAction, { type: 'reject' }>,
  caller: KnownCaller,
  now: number,
) {
  if (action.reason === 'duplicate' && first) return rejectAsDuplicate(first._id, action, caller, now);
  return transitionReport(first, action, caller, now);
}
