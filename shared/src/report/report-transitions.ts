import type { ReportEventType } from './report';
import type { ReportStatus } from './report-status';

/**
 * Who may make a transition:
 * - `owner`: staff owning the case's level (the grid's 网格员/网格长; the centre of a community, street or county);
 * - `dispatcher`: the grid's 网格长 or a centre at or above the owner; a 网格员 only to assign himself;
 * - `assignee`: the person (or department staff) the case is assigned to;
 * - `verifier`: the grid's 网格长 or a centre at or above the owner, but never the person who resolved it;
 * - `reporter`: the person who submitted the report.
 */
export type Authority = 'owner' | 'dispatcher' | 'assignee' | 'verifier' | 'reporter';

export type TransitionAction = 'accept' | 'reject' | 'assign' | 'start' | 'resolve' | 'close' | 'rework' | 'rate';

export type Transition = {
  readonly action: TransitionAction;
  readonly from: ReportStatus;
  readonly to: ReportStatus;
  readonly who: Authority;
  readonly event: ReportEventType;
};

/** The one transition table (DESIGN.md, 案卷闭环). Escalation and 督办 are events, not transitions. */
export const REPORT_TRANSITIONS: readonly Transition[] = [
  { action: 'accept', from: 'submitted', to: 'accepted', who: 'owner', event: 'accepted' },
  { action: 'reject', from: 'submitted', to: 'rejected', who: 'owner', event: 'rejected' },
  { action: 'assign', from: 'accepted', to: 'assigned', who: 'dispatcher', event: 'assigned' },
  { action: 'start', from: 'assigned', to: 'in_progress', who: 'assignee', event: 'started' },
  { action: 'resolve', from: 'in_progress', to: 'resolved', who: 'assignee', event: 'resolved' },
  { action: 'close', from: 'resolved', to: 'closed', who: 'verifier', event: 'closed' },
  { action: 'rework', from: 'resolved', to: 'in_progress', who: 'verifier', event: 'reworked' },
  { action: 'rate', from: 'closed', to: 'rated', who: 'reporter', event: 'rated' },
];

/** The transition an action makes from a status, or undefined when the table has none. */
export function transitionFor(action: TransitionAction, from: ReportStatus): Transition | undefined {
  return REPORT_TRANSITIONS.find((transition) => transition.action === action && transition.from === from);
}
