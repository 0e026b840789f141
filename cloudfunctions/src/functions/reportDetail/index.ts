import { reportDetailContract } from '@pingan/shared';
import { AppError } from '../../lib/app-error';
import { defineFunction } from '../../lib/define-function';
import { photoUrlsOf } from '../../lib/photo-urls';
import { detailOf, photosOf } from '../../lib/report-views';
import { mayView, seesPhotos } from '../../lib/report-visibility';
import { findReport } from '../../lib/reports.repository';
import { actorOf } from '../../lib/user-document';
import { findUserByOpenid } from '../../lib/users.repository';

/**
 * `reportDetail`: one report with its timeline, for its reporter or staff who may see it. To anyone else
 * it does not exist (REPORT.NOT_FOUND), so its existence is not disclosed either. The photos the viewer
 * may see come with short-lived URLs, made in one storage call.
 */
export const main = defineFunction(reportDetailContract, async (request, { caller, now }) => {
  const [user, report] = await Promise.all([findUserByOpenid(caller.openid), findReport(request.reportId)]);
  const viewer = user && actorOf(user);
  if (!viewer || !report || !mayView(viewer, report)) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const at = now.getTime();
  const photoUrls = seesPhotos(viewer, report) ? await photoUrlsOf(photosOf(report), at) : undefined;
  return { report: { ...detailOf(report, viewer, at), ...(photoUrls && { photoUrls }) } };
});
