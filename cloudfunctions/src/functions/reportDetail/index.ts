import { reportDetailContract, mayView, seesPhotos } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { defineFunction } from '../../platform/define-function';
import { photoUrlsOf } from '../../files/photo-urls';
import type { ReportDoc } from '../../reports/report-document';
import { asSeenByFollower } from '../../reports/report-follow-views';
import { isFollowing } from '../../reports/report-follows.repository';
import { detailOf } from '../../reports/report-views';
import { findReport } from '../../reports/reports.repository';
import { isOwnUpload } from '../../files/upload-slots';
import { findCaller } from '../../users/caller';
import { personNames } from '../../users/users.repository';
import { placeNames } from '../../routing/regions.repository';

/**
 * `reportDetail`: one report with its timeline, for its reporter or staff who may see it. To anyone else
 * it does not exist (REPORT.NOT_FOUND), so its existence is not disclosed either. The photos the viewer
 * may see come with short-lived URLs, made in one storage call, and only for photos that lie in the slot
 * they were uploaded into (files/upload-slots.ts): the reporter's in the report's slot, a timeline step's
 * (办结's proof) in its actor's 'proof' slot for the key the event keeps. Each step names who acted, by
 * name and capacity, and the place is named by its grid and community (docs/DESIGN.md, "The timeline, inside the report").
 */
export const main = defineFunction(reportDetailContract, async (request, { caller, now }) => {
  const [me, found] = await Promise.all([findCaller(caller), findReport(request.reportId)]);
  const viewer = me?.actor;
  const follower = viewer !== undefined && found !== undefined && !mayView(viewer, found) && (await isFollowing(found._id, viewer.id));
  if (!viewer || !found || !mayView(viewer, found, follower)) throw new AppError('REPORT.NOT_FOUND', '没有找到这条上报');
  const report = follower ? asSeenByFollower(found) : found;
  const at = now.getTime();
  // The photos' URLs, the steps' actors (one batched users read) and the places' names (one regions read), at once.
  const { grid, community } = report.regionPath;
  const [photoUrls, people, places] = await Promise.all([
    seesPhotos(viewer, report) ? photoUrlsOf(ownPhotosOf(report), at) : undefined,
    personNames(report.events.map((event) => event.actorId)),
    placeNames([grid, community].filter((code): code is string => code !== undefined)),
  ]);
  return { report: { ...detailOf(report, viewer, at, { people, places }), ...(photoUrls && { photoUrls }) } };
});

/** The report's photos that lie where their uploader put them: its own, then those its timeline's steps carry. */
function ownPhotosOf(report: ReportDoc): string[] {
  const reporters = report.photos.filter((fileId) => isOwnUpload(report.reporterOpenid, 'report', report.idempotencyKey, fileId));
  const steps = report.events.flatMap(({ photos = [], actorOpenid, uploadKey }) =>
    actorOpenid === undefined || uploadKey === undefined
      ? []
      : photos.filter((fileId) => isOwnUpload(actorOpenid, 'proof', uploadKey, fileId)),
  );
  return [...reporters, ...steps];
}
