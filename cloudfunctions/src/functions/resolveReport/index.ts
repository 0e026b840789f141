import { resolveReportContract, type ReportAction } from '@pingan/shared';
import { assertOwnUploads } from '../../files/upload-slots';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { notifyReportChange } from '../../notifications/notify-report';
import { decide, transitionReport } from '../../reports/report-transition';
import { summaryOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { findCaller } from '../../users/caller';

/**
 * `resolveReport` (办结): the assignee reports the work done, with a note, proof photos, or both. The
 * photos must be the caller's own uploads into their 'proof' slot for `uploadKey`, checked before
 * anything is written; the event keeps the caller's openid and the key (storage only), so reportDetail
 * can check them again before it signs a URL.
 */
export const main = defineFunction(resolveReportContract, async (request, { caller, now }) => {
  const [me, report] = await Promise.all([findCaller(caller), findReport(request.reportId)]);
  if (!me) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const action: ReportAction = {
    type: 'resolve',
    photos: request.photos,
    ...(request.note !== undefined && { note: request.note }),
  };
  const at = now.getTime();
  // The lifecycle answers first (not found, not yours, wrong status), so storage is asked only for a move that may happen.
  decide(report, action, me, at);
  await assertOwnUploads(caller, 'proof', request.uploadKey, request.photos);
  const stored = request.photos.length > 0 ? { actorOpenid: caller.openid, uploadKey: request.uploadKey } : {};
  const resolved = await transitionReport(report, action, me, at, stored);
  await notifyReportChange(resolved, at);
  return { report: summaryOf(resolved, at) };
});
