import {
  REPORT_STATUSES,
  RUNNING_CLOCK_STATUSES,
  UNASSIGNED_STATUSES,
  lightBounds,
  type InboxRequest,
  isOpen,
  type ReportStatus,
} from '@pingan/shared';
import type { CaseFilter, CaseScope } from './case-queries.repository';

const OPEN_STATUSES = REPORT_STATUSES.filter(isOpen);

type Parsed = Pick<InboxRequest, 'status' | 'light' | 'categoryCode' | 'assignee'>;

/**
 * The inbox request as a filter over a scope (the caller's places, or a centre's area) at `now`: the statuses asked (all open ones by
 * default), narrowed to running clocks by a light (a resolved case's light is frozen at its resolution)
 * and by an assignee — nobody's is a status condition (UNASSIGNED_STATUSES), a person's the others plus
 * their id. Undefined when the filters cannot both hold: no query is needed.
 */
export function inboxFilterOf(request: Parsed, scope: CaseScope, callerId: string, now: number): CaseFilter | undefined {
  let statuses: readonly ReportStatus[] = request.status === undefined || request.status === 'open' ? OPEN_STATUSES : [request.status];
  if (request.light) statuses = statuses.filter((s) => (RUNNING_CLOCK_STATUSES as readonly ReportStatus[]).includes(s));
  const unassigned = (s: ReportStatus) => (UNASSIGNED_STATUSES as readonly ReportStatus[]).includes(s);
  const assignee = request.assignee;
  if (assignee !== undefined) statuses = statuses.filter((s) => (assignee === 'none' ? unassigned(s) : !unassigned(s)));
  if (statuses.length === 0) return undefined;
  const assigneeId = assignee === 'me' ? callerId : typeof assignee === 'object' ? assignee.personId : undefined;
  return {
    scope,
    statuses,
    ...(request.categoryCode !== undefined && { categoryCodes: [request.categoryCode] }),
    ...(assigneeId !== undefined && { assigneeId }),
    ...(request.light && lightBounds(request.light, now)),
  };
}
