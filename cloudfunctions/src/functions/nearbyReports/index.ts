import { FOLLOWABLE_STATUSES, lngLat, nearbyReportsContract, nearbyReportsOf, nearbySearchOf } from '@pingan/shared';
import { listCategories } from '../../catalog/categories.repository';
import { defineFunction } from '../../platform/define-function';
import { reportsNear } from '../../reports/duplicate-candidates.repository';
import { nearbyItemOf } from '../../reports/report-follow-views';
import { followedAmong } from '../../reports/report-follows.repository';
import { findCaller } from '../../users/caller';

/**
 * `nearbyReports` (我也遇到): while a resident writes a report, the open reports of its category within the
 * category's duplicate radius of the point, nearest first, each with whether the caller follows it
 * already. Anyone may ask: it shows what is being handled, never who reported it or where exactly.
 */
export const main = defineFunction(nearbyReportsContract, async (request, { caller, now }) => {
  const at = now.getTime();
  const [me, categories] = await Promise.all([findCaller(caller), listCategories(at)]);
  const radiusM = categories.find((category) => category.code === request.categoryCode)?.duplicateRadiusM ?? 0;
  const [lng, lat] = request.location;
  const search = nearbySearchOf(request.categoryCode, lngLat(lng, lat), radiusM);
  if (!search) return { items: [], radiusM };
  const near = nearbyReportsOf(search, await reportsNear(search, FOLLOWABLE_STATUSES));
  const personId = me?.actor.id;
  const followed =
    personId === undefined
      ? new Set<string>()
      : await followedAmong(
          near.map(({ report }) => report.id),
          personId,
        );
  return {
    items: near.map(({ report, distanceM }) => nearbyItemOf(report, distanceM, personId, followed.has(report.id), at)),
    radiusM,
  };
});
