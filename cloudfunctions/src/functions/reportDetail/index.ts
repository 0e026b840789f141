import { reportDetailContract, mayView, seesPhotos } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { photoUrlsOf } from '../../files/photo-urls';
import { detailOf, photosOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { isOwnUpload } from '../../files/upload-slots';
import { findCaller } from '../../users/caller';

/**
 * `reportDetail`: one report with its timeline, for its reporter or staff who may see it. To anyone else
 * it does not exist (REPORT.NOT_FOUND), so its existence is not disclosed either. The photos the viewer
 * may see come with short-lived URLs, made in one storage call; the reporter's photos only when they lie in
 * the reporter's upload slot of that report (files/upload-slots.ts).
 */
export const main = defineFunction(reportDetailContract, async (request, { caller, now }) => {
  const [me, report] = await Promise.all([findCaller(caller), findReport(request.reportId)]);
  const viewer = me?.actor;
  if (!viewer || !report || !mayView(viewer, report)) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const at = now.getTime();
  // The reporter's photos must lie in the report's slot; a timeline step's photos are checked by the
  // transition that adds them, against its actor's own slot.
  const reporters = new Set(report.photos);
  const ownPhotos = photosOf(report).filter(
    (fileId) => !reporters.has(fileId) || isOwnUpload(report.reporterOpenid, 'report', report.idempotencyKey, fileId),
  );
  const photoUrls = seesPhotos(viewer, report) ? await photoUrlsOf(ownPhotos, at) : undefined;
  return { report: { ...detailOf(report, viewer, at), ...(photoUrls && { photoUrls }) } };
});
