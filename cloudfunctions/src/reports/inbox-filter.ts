import {
  HANDLING_STATUSES,
  REPORT_STATUSES,
  RUNNING_CLOCK_STATUSES,
  UNASSIGNED_STATUSES,
  dueCondition,
  intersectRanges,
  lightBounds,
  type InboxRequest,
  isOpen,
  type ReportStatus,
} from '@pingan/shared';
import type { CaseFilter, CaseScope } from './case-queries.repository';

const OPEN_STATUSES = REPORT_STATUSES.filter(isOpen);

type Parsed = Pick<InboxRequest, 'status' | 'due' | 'light' | 'categoryCode' | 'assignee' | 'supervision'>;

const within = (allowed: readonly ReportStatus[]) => (s: ReportStatus) => allowed.includes(s);

function statusesAsked(status: Parsed['status']): readonly ReportStatus[] {
  if (status === undefined || status === 'open') return OPEN_STATUSES;
  return status === 'handling' ? HANDLING_STATUSES : [status];
}

/**
 * The inbox request as a filter over a scope (the caller's places, or a centre's area) at `now`: the statuses asked (all open ones by
 * default, 'handling' the workbench's 办理中), narrowed to running clocks by a light (a resolved case's light
 * is frozen at its resolution) or a due filter (the workbench's 即将超时/已超时: dueCondition, the count's
 * very condition), and by an assignee — nobody's is a status condition (UNASSIGNED_STATUSES), a person's
 * the others plus their id; 'unanswered' 督办 a stored count above zero. Undefined when the filters cannot all hold: no query is needed.
 */
export function inboxFilterOf(request: Parsed, scope: CaseScope, callerId: string, now: number): CaseFilter | undefined {
  let statuses = statusesAsked(request.status);
  if (request.light) statuses = statuses.filter(within(RUNNING_CLOCK_STATUSES));
  const due = request.due && dueCondition(request.due, now);
  if (due) statuses = statuses.filter(within(due.statuses));
  const unassigned = within(UNASSIGNED_STATUSES);
  const assignee = request.assignee;
  if (assignee !== undefined) statuses = statuses.filter((s) => (assignee === 'none' ? unassigned(s) : !unassigned(s)));
  const light = request.light ? lightBounds(request.light, now) : {};
  const deadlineAt = intersectRanges(light.deadlineAt, due?.deadlineAt);
  if (statuses.length === 0 || deadlineAt === 'empty') return undefined;
  const assigneeId = assignee === 'me' ? callerId : typeof assignee === 'object' ? assignee.personId : undefined;
  return {
    scope,
    statuses,
    ...(request.categoryCode !== undefined && { categoryCodes: [request.categoryCode] }),
    ...(assigneeId !== undefined && { assigneeId }),
    ...(deadlineAt && { deadlineAt }),
    ...(light.redAt && { redAt: light.redAt }),
    ...(request.supervision === 'unanswered' && { supervisionUnanswered: true as const }),
  };
}
