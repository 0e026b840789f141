import { asLngLat, newReport, submitReportContract } from '@pingan/shared';
import { AppError } from '../../lib/app-error';
import { findCategory } from '../../lib/categories.repository';
import { checkUserText } from '../../lib/content-check';
import { defineFunction } from '../../lib/define-function';
import { newReportDoc, termsOf } from '../../lib/report-document';
import { reportIdFor, requestHashOf } from '../../lib/report-identity';
import { routeNewReport } from '../../lib/report-routing';
import { replayOf, submittedOf } from '../../lib/report-submission';
import { findReport, insertReport } from '../../lib/reports.repository';
import { routingSettings } from '../../lib/settings.repository';
import { ensureUser } from '../../lib/users.repository';

/**
 * `submitReport` (随手拍): checks the text, routes the report and stores it with its first event in one
 * write, with its owner's names (from the tree just routed over), so that no view has to look them up. The id derives from the caller and the draft's idempotency key, so a retry — even one racing
 * the first attempt — answers the report already made (`replayed: true`).
 */
export const main = defineFunction(submitReportContract, async (request, { caller, now }) => {
  const at = now.getTime();
  const id = reportIdFor(caller.openid, request.idempotencyKey);
  const requestHash = requestHashOf(request);
  const [user, existing, category, routing] = await Promise.all([
    ensureUser(caller.openid, at),
    findReport(id),
    findCategory(request.categoryCode),
    routingSettings(),
  ]);
  if (existing) return replayOf(existing, requestHash, at);
  if (!category) throw new AppError('CATEGORY.NOT_FOUND', '没有这个上报类别');
  const moderation = await checkUserText(caller.openid, request.text);
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
  const { categoryCode, text, photos, anonymous, idempotencyKey } = request;
  const report = newReport({ id, reporterId: user._id, anonymous, categoryCode, text, photos, ...(location && { location }), route, ...owner, now: at });
  const doc = newReportDoc(
    report,
    { reporterOpenid: caller.openid, reporterName: user.name, idempotencyKey, requestHash, terms: termsOf(category), moderation, ...(route.distanceM !== undefined && { routeDistanceM: route.distanceM }) },
    at,
  );
  if ((await insertReport(doc)) === 'inserted') return submittedOf(doc, at, false, owner);
  // A concurrent attempt with the same key stored it first.
  const winner = await findReport(id);
  if (!winner) throw new Error(`reports/${id}: the insert collided but the report is not there`);
  return replayOf(winner, requestHash, at);
});
