import { HANDLING_STATUSES, REPORT_STATUSES, dueCondition, isOpen, type ReportStatus, type WorkbenchCounts } from '@pingan/shared';
import { countCases, type CaseScope } from './case-queries.repository';

const OPEN_STATUSES = REPORT_STATUSES.filter(isOpen);

/**
 * A workbench's five counts over a scope (optionally of some categories), five `count()`s at once, each
 * answered from the scope's index without reading a document: 待受理, 办理中, 待核查, and over running
 * clocks 即将超时 and 已超时 at `now` — 办理中 and the clocks on shared's conditions (HANDLING_STATUSES,
 * dueCondition), the ones the inbox lists with, so each tile's list is as long as its count.
 */
export async function workbenchCounts(scope: CaseScope, now: number, categoryCodes?: readonly string[]): Promise<WorkbenchCounts> {
  const base = { scope, ...(categoryCodes && { categoryCodes }) };
  const [submitted, handling, resolved, dueSoon, overdue] = await Promise.all([
    countCases({ ...base, statuses: ['submitted'] }),
    countCases({ ...base, statuses: HANDLING_STATUSES }),
    countCases({ ...base, statuses: ['resolved'] }),
    countCases({ ...base, ...dueCondition('soon', now) }),
    countCases({ ...base, ...dueCondition('overdue', now) }),
  ]);
  return { submitted, handling, resolved, dueSoon, overdue };
}

/**
 * 督办待回复: the open cases of the places owning them holding a 督办 not yet answered — the inbox's
 * SUPERVISION_TILE_FILTER — one `count()` on index owner_status_supervision, reading no document.
 */
export function supervisionUnansweredCount(ownerCodes: readonly string[]): Promise<number> {
  return countCases({ scope: { by: 'owner', codes: ownerCodes }, statuses: OPEN_STATUSES, supervisionUnanswered: true });
}

/** The open statuses, for lists of every open case. */
export const WORKBENCH_OPEN_STATUSES: readonly ReportStatus[] = OPEN_STATUSES;
