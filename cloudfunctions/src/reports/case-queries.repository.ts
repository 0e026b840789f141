import type { InstantRange, ReportStatus } from '@pingan/shared';
import { readKeysetPage, type Page, type PageRead } from '../platform/page-cursor';
import { db } from '../platform/sdk';
import { fromStored, REPORTS, type ReportListDoc } from './reports.repository';

/**
 * The staff's queries over `reports` — the inbox's filters and orders, the workbench's counts, what a
 * person resolved — each on a declared index of database/collections.json (its `$comment` names the
 * query). docs/DESIGN.md, "The inbox and the workbench", lists which query uses which index.
 */

/** Where a set of cases lies: owned by one of these places, or in one of these grids / this region. */
export type CaseScope =
  | { readonly by: 'owner'; readonly codes: readonly string[] }
  | { readonly by: 'grid'; readonly codes: readonly string[] }
  | { readonly by: 'region'; readonly level: 'community' | 'street' | 'county'; readonly code: string };

/** A set of cases: where, in which statuses, and optionally of categories, an assignee, stored-clock ranges. */
export type CaseFilter = {
  readonly scope: CaseScope;
  readonly statuses: readonly ReportStatus[];
  readonly categoryCodes?: readonly string[];
  readonly assigneeId?: string;
  readonly deadlineAt?: InstantRange;
  readonly redAt?: InstantRange;
  /** Only cases holding a 督办 note not yet answered (`supervisionsOpen` > 0, the last field of each index). */
  readonly supervisionUnanswered?: true;
};

/** The order of a list: nearest deadline first (urgency), or most followers first (support). */
export type CaseOrder = 'urgency' | 'support';

const LISTED = { collection: REPORTS, field: { events: false } } as const;

/** The where-clause of a filter, field by field in the order of the index that serves it. */
export function caseWhere(filter: CaseFilter): Record<string, unknown> {
  const _ = db().command;
  const range = (r: InstantRange) =>
    r.gte !== undefined && r.lt !== undefined ? _.gte(r.gte).and(_.lt(r.lt)) : r.gte !== undefined ? _.gte(r.gte) : _.lt(r.lt as number);
  const { scope } = filter;
  return {
    ...(scope.by === 'owner' && { ownerCode: _.in([...scope.codes]) }),
    ...(scope.by === 'grid' && { 'regionPath.grid': _.in([...scope.codes]) }),
    ...(scope.by === 'region' && { [`regionPath.${scope.level}`]: scope.code }),
    ...(filter.categoryCodes && { categoryCode: _.in([...filter.categoryCodes]) }),
    status: _.in([...filter.statuses]),
    ...(filter.deadlineAt && { deadlineAt: range(filter.deadlineAt) }),
    ...(filter.redAt && { redAt: range(filter.redAt) }),
    ...(filter.assigneeId !== undefined && { 'assignee.personId': filter.assigneeId }),
    ...(filter.supervisionUnanswered && { supervisionsOpen: _.gt(0) }),
  };
}

/**
 * One page of the cases a filter selects, in the order asked, by keyset (owner scope: index
 * owner_status_deadline or owner_status_support; grid scope: grid_category_status_deadline).
 */
export function casesPage(filter: CaseFilter, order: CaseOrder, page: PageRead): Promise<Page<ReportListDoc>> {
  const where = caseWhere(filter);
  const sort =
    order === 'urgency' ? { orderBy: 'deadlineAt', direction: 'asc' as const } : { orderBy: 'supportCount', direction: 'desc' as const };
  return readKeysetPage({ ...LISTED, where, ...sort }, page, fromStored);
}

/** How many cases a filter selects: one `count()` the filter's index answers without reading a document. */
export async function countCases(filter: CaseFilter): Promise<number> {
  const { total } = (await db().collection(REPORTS).where(caseWhere(filter)).count()) as { total: number };
  return total;
}

/** The cases a person resolved (办结) since an instant, latest first, a page at a time (index resolver_time). */
export function casesResolvedBy(personId: string, since: number, page: PageRead): Promise<Page<ReportListDoc>> {
  const _ = db().command;
  const where = { resolvedBy: personId, resolvedAt: _.gte(since) };
  return readKeysetPage({ ...LISTED, where, orderBy: 'resolvedAt', direction: 'desc' }, page, fromStored);
}
