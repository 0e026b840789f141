import { DUPLICATE_READ_LIMIT, ORIGINAL_STATUSES, type DuplicateSearch, type ReportStatus } from '@pingan/shared';
import { db, listOf } from '../platform/sdk';
import { REPORTS, fromStored, type ReportListDoc } from './reports.repository';

/**
 * The reports the database finds for a duplicate search (shared/src/report/duplicate-candidates.ts holds
 * the rule: window, statuses, order): near the point, nearest first, in one query on the 2dsphere index
 * (`_.geoNear`). The database measures on MongoDB's sphere (6,378,100 m, 0.11% above haversine's), so it
 * is asked 0.2% and a metre wider, and the rule measures exactly.
 */
export async function reportsNear(
  search: DuplicateSearch,
  statuses: readonly ReportStatus[] = ORIGINAL_STATUSES,
): Promise<Array<ReportListDoc & { readonly id: string }>> {
  const _ = db().command;
  const [lng, lat] = search.location;
  const query = db()
    .collection(REPORTS)
    .where({
      location: _.geoNear({ geometry: db().Geo.Point(lng, lat), maxDistance: search.radiusM * 1.002 + 1 }),
      categoryCode: search.categoryCode,
      status: _.in([...statuses]),
      submittedAt: _.gte(search.since),
      ...(search.reportId !== undefined && { _id: _.neq(search.reportId) }),
    })
    .field({ events: false })
    .limit(DUPLICATE_READ_LIMIT);
  const rows = await listOf<ReportListDoc>(query.get());
  return rows.map((row) => ({ ...fromStored(row), id: row._id }));
}
