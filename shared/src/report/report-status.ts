import { REPORT_TRANSITIONS } from './report-transitions';

/** The states of a report's life (案卷闭环), a closed union. */
export const REPORT_STATUSES = [
  'submitted',
  'accepted',
  'rejected',
  'withdrawn',
  'assigned',
  'in_progress',
  'resolved',
  'closed',
  'rated',
] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const OPEN_STATUSES: readonly ReportStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'resolved'];

/** Whether the case still needs staff: from submission until it is verified and closed (or rejected). */
export function isOpen(status: ReportStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** Whether the case is finished for staff: rejected, withdrawn by its reporter, closed or rated. */
export function isClosed(status: ReportStatus): boolean {
  return !isOpen(status);
}

/** Whether nothing can happen to the report any more: no transition in the table leaves this status. */
export function isTerminal(status: ReportStatus): boolean {
  return !REPORT_TRANSITIONS.some((transition) => transition.from === status);
}

/**
 * Statuses whose case has no assignee: before 派单 (submitted, accepted — escalation also comes back to
 * accepted, unassigned) and the two ends reached without one (rejected, withdrawn). Every other status is
 * reached through 派单 and keeps its assignee, so "unassigned" is a status condition, not a field.
 */
export const UNASSIGNED_STATUSES = ['submitted', 'accepted', 'rejected', 'withdrawn'] as const satisfies readonly ReportStatus[];

/**
 * Statuses whose clock runs (a light that changes with time): open and not yet resolved. A resolved
 * case's light is frozen at its resolution, so 即将超时, 已超时 and the light filters count only these.
 */
export const RUNNING_CLOCK_STATUSES = ['submitted', 'accepted', 'assigned', 'in_progress'] as const satisfies readonly ReportStatus[];
