import { asLngLat, newReport, rateClassOf, submitReportContract } from '@pingan/shared';
import { AppError } from '../../platform/app-error';
import { findCategory } from '../../catalog/categories.repository';
import { checkUserText } from '../../platform/content-check';
import { defineFunction } from '../../platform/define-function';
import { newReportDoc, termsOf } from '../../reports/report-document';
import { reportIdFor, requestHashOf } from '../../reports/report-identity';
import { routeNewReport } from '../../routing/report-routing';
import { replayOf, submittedOf } from '../../reports/report-submission';
import { findReport, insertReport } from '../../reports/reports.repository';
import { takeRateSlot } from '../../platform/rate-limits.repository';
import { reportRateLimits, routingSettings, workCalendar } from '../../catalog/settings.repository';
import { ensureUser } from '../../users/users.repository';
import { assertOwnUploads } from '../../files/upload-slots';

/**
 * `submitReport` (随手拍): routes the report (a place outside the county is refused), takes a place under
 * the caller's rate limit, checks the text, and stores it with its first event in one write, with its
 * owner's names (from the tree just routed over), so that no view has to look them up. The id derives from
 * the caller and the draft's idempotency key, so a retry — even one racing the first attempt — answers the
 * report already made (`replayed: true`) without counting against the limit.
 */
export const main = defineFunction(submitReportContract, async (request, { caller, now }) => {
  const at = now.getTime();
  const id = reportIdFor(caller.openid, request.idempotencyKey);
  const requestHash = requestHashOf(request);
  const [user, existing, category, routing, limits, calendar] = await Promise.all([
    ensureUser(caller.openid, at),
    findReport(id),
    findCategory(request.categoryCode),
    routingSettings(),
    reportRateLimits(),
    workCalendar(),
  ]);
  if (existing) return replayOf(existing, requestHash, at);
  if (!category) throw new AppError('CATEGORY.NOT_FOUND', '没有这个上报类别');
  await assertOwnUploads(caller, 'report', request.idempotencyKey, request.photos);
  const location = request.location && asLngLat(request.location);
  const { route, owner } = await routeNewReport(
    {
      ...(location && { location }),
      ...(request.scannedGridCode !== undefined && { scannedGridCode: request.scannedGridCode }),
      ...(user.joinedGridCode !== undefined && { joinedGridCode: user.joinedGridCode }),
      departments: category.departments,
    },
    routing,
  );
  // Counted only once the report could be stored (a place outside the county is fixed and sent again),
  // and before the content check, whose quota a burst would otherwise spend.
  await takeRateSlot('report', user._id, limits[rateClassOf(user.roles)], at);
  const moderation = await checkUserText(caller.openid, request.text);
  const { categoryCode, text, photos, anonymous, idempotencyKey } = request;
  const report = newReport({
    id,
    reporterId: user._id,
    anonymous,
    categoryCode,
    text,
    photos,
    ...(location && { location }),
    route,
    now: at,
  });
  const stored = {
    reporterOpenid: caller.openid,
    reporterName: user.name,
    idempotencyKey,
    requestHash,
    terms: termsOf(category, calendar, at),
    moderation,
    routeDistanceM: route.distanceM,
    ...owner,
  };
  const doc = newReportDoc(report, stored, at);
  if ((await insertReport(doc)) === 'inserted') return submittedOf(doc, at, false, owner);
  // A concurrent attempt with the same key stored it first.
  const winner = await findReport(id);
  if (!winner) throw new Error(`reports/${id}: the insert collided but the report is not there`);
  return replayOf(winner, requestHash, at);
});
