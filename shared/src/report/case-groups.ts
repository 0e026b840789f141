import { dueSoonBounds, overdueBounds, type InstantRange } from '../time/light-bounds';
import { RUNNING_CLOCK_STATUSES, type ReportStatus } from './report-status';

/**
 * 办理中: accepted and not yet resolved. One list, so the workbench's 办理中 count and the inbox's
 * `status: 'handling'` are the very same condition.
 */
export const HANDLING_STATUSES = ['accepted', 'assigned', 'in_progress'] as const satisfies readonly ReportStatus[];

/** The inbox's time filters: 即将超时 ('soon') and 已超时 ('overdue'), the workbench's two clock counts. */
export const DUE_FILTERS = ['soon', 'overdue'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

/**
 * A time filter as a condition on stored fields: a running clock (RUNNING_CLOCK_STATUSES) and a range on
 * `deadlineAt` at `now` — a deadline within DUE_SOON_HOURS, or one already passed. The workbench counts
 * and the inbox lists with this one function.
 */
export function dueCondition(
  due: DueFilter,
  now: number,
): { readonly statuses: readonly ReportStatus[]; readonly deadlineAt: InstantRange } {
  return { statuses: RUNNING_CLOCK_STATUSES, deadlineAt: due === 'soon' ? dueSoonBounds(now) : overdueBounds(now) };
}

/** Both ranges at once (undefined: no condition); 'empty' when nothing can lie in both. */
export function intersectRanges(a: InstantRange | undefined, b: InstantRange | undefined): InstantRange | undefined | 'empty' {
  if (!a || !b) return a ?? b;
  const gte = a.gte === undefined ? b.gte : b.gte === undefined ? a.gte : Math.max(a.gte, b.gte);
  const lt = a.lt === undefined ? b.lt : b.lt === undefined ? a.lt : Math.min(a.lt, b.lt);
  if (gte !== undefined && lt !== undefined && gte >= lt) return 'empty';
  return { ...(gte !== undefined && { gte }), ...(lt !== undefined && { lt }) };
}

/** The inbox's 督办 filter: cases holding a 督办 note their owner has not answered (the workbench's 督办待回复). */
export const SUPERVISION_FILTERS = ['unanswered'] as const;
export type SupervisionFilter = (typeof SUPERVISION_FILTERS)[number];

/**
 * The inbox filters each workbench count opens: the list a tile opens is the count's own condition, so it
 * is as long as the count (the count's scope, the inbox's default 'owned' or a centre's 'area').
 */
export const WORKBENCH_TILE_FILTERS = {
  submitted: { status: 'submitted' },
  handling: { status: 'handling' },
  resolved: { status: 'resolved' },
  dueSoon: { due: 'soon' },
  overdue: { due: 'overdue' },
} as const satisfies Record<string, { status?: ReportStatus | 'handling'; due?: DueFilter }>;

/**
 * The inbox filter the workbench's 督办待回复 count opens (the caller's own cases): the count's own
 * condition, the open cases holding a 督办 not yet answered, so the list is as long as the number.
 */
export const SUPERVISION_TILE_FILTER = { supervision: 'unanswered' } as const satisfies { supervision: SupervisionFilter };
