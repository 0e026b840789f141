import type { Actor } from '../people/actor';
import type { Report, ReportEventType } from './report';
import type { EventAction, ReportAction } from './report-action';
import { isAssignee, isCentreAbove, isOwnerStaff, isSupervisor } from './report-authority';
import type { ReportStatus } from './report-status';

/**
 * Which status changes are allowed, and who may make each: the one place (docs/DESIGN.md, "The transition table").
 * apply-transition.ts and report-events.ts apply these tables; report-authority.ts holds the predicates
 * the authorities below are made of.
 *
 * Who may make a move:
 * - `owner`: staff owning the case's level (the grid's 网格员/网格长; the centre of a community, street or county);
 * - `dispatcher`: the grid's 网格长 or a centre at or above the owner; a 网格员 of the grid only to assign himself;
 * - `assignee`: the person (or department staff) the case is assigned to;
 * - `verifier`: the grid's 网格长 or a centre at or above the owner, but never the person who resolved it;
 * - `reporter`: the person who submitted the report;
 * - `centreAbove`: a centre strictly above the owning level on the case's region path (督办);
 * - `owningCentre`: the centre of the owning community, street or county (下派: a grid has no grid below it).
 */
export type Authority = 'owner' | 'dispatcher' | 'assignee' | 'verifier' | 'reporter' | 'centreAbove' | 'owningCentre';

export type TransitionAction =
  'accept' | 'reject' | 'withdraw' | 'assign' | 'reassign' | 'start' | 'resolve' | 'close' | 'rework' | 'rate' | 'reopen';

export type Transition = {
  readonly action: TransitionAction;
  readonly from: ReportStatus;
  readonly to: ReportStatus;
  readonly who: Authority;
  readonly event: ReportEventType;
};

/** The transition table: every change of status, from where, to where, by whom, and the event it records. */
export const REPORT_TRANSITIONS: readonly Transition[] = [
  { action: 'accept', from: 'submitted', to: 'accepted', who: 'owner', event: 'accepted' },
  { action: 'reject', from: 'submitted', to: 'rejected', who: 'owner', event: 'rejected' },
  // 撤回: the reporter takes it back before anyone accepted it; nothing leaves `withdrawn`, so nothing is ever paid.
  { action: 'withdraw', from: 'submitted', to: 'withdrawn', who: 'reporter', event: 'withdrawn' },
  { action: 'assign', from: 'accepted', to: 'assigned', who: 'dispatcher', event: 'assigned' },
  // 改派: to someone else, with a reason; whoever had it started or not, the new assignee starts afresh,
  // while the handling clock runs on from acceptance (nothing here touches acceptedAt).
  { action: 'reassign', from: 'assigned', to: 'assigned', who: 'dispatcher', event: 'reassigned' },
  { action: 'reassign', from: 'in_progress', to: 'assigned', who: 'dispatcher', event: 'reassigned' },
  { action: 'start', from: 'assigned', to: 'in_progress', who: 'assignee', event: 'started' },
  { action: 'resolve', from: 'in_progress', to: 'resolved', who: 'assignee', event: 'resolved' },
  { action: 'close', from: 'resolved', to: 'closed', who: 'verifier', event: 'closed' },
  { action: 'rework', from: 'resolved', to: 'in_progress', who: 'verifier', event: 'reworked' },
  { action: 'rate', from: 'closed', to: 'rated', who: 'reporter', event: 'rated' },
  // 不满意 → back to the verifier, once, within REOPEN_WINDOW_DAYS of the close (apply-transition.ts checks those).
  { action: 'reopen', from: 'rated', to: 'resolved', who: 'reporter', event: 'reopened' },
];

/**
 * The moves that are events, not transitions of the table, and who may make them: 上报上级 (escalate,
 * from ESCALATABLE_STATUSES to `accepted` one level up), 下派 (handBack, by the owning centre, from
 * HAND_BACK_STATUSES to a grid under it, the status kept), 督办 (supervise, on an open case) and its
 * answer (on a case with a 督办 pending). See report-events.ts.
 */
export const EVENT_AUTHORITY = {
  escalate: 'owner',
  handBack: 'owningCentre',
  supervise: 'centreAbove',
  answerSupervision: 'owner',
} as const satisfies Record<EventAction['type'], Authority>;

/** Statuses from which a case may be escalated (上报上级): accepted and not yet resolved. */
export const ESCALATABLE_STATUSES: readonly ReportStatus[] = ['accepted', 'assigned', 'in_progress'];

/**
 * Statuses from which the owning centre may hand a case down to a grid (下派): before anyone at its level
 * took it on (派单), so that no one's work is taken from them; a case assigned at the centre is 改派'd instead.
 */
export const HAND_BACK_STATUSES: readonly ReportStatus[] = ['submitted', 'accepted'];

/** The transition an action makes from a status, or undefined when the table has none. */
export function transitionFor(action: TransitionAction, from: ReportStatus): Transition | undefined {
  return REPORT_TRANSITIONS.find((transition) => transition.action === action && transition.from === from);
}

/**
 * Whether the table has this move from this status, whoever asks: what a page asks before it offers a
 * button (`canMake('accept', status)` for 受理 / 不予受理), instead of comparing status strings.
 */
export function canMake(action: TransitionAction, status: ReportStatus): boolean {
  return transitionFor(action, status) !== undefined;
}

type Case = Pick<Report, 'ownerCode' | 'ownerLevel' | 'regionPath' | 'assignee' | 'reporterId' | 'resolvedBy'>;

/**
 * The authority check: why this actor may not make this move on this report (`REPORT.FORBIDDEN`, or
 * `REPORT.SELF_VERIFY` for a resolver verifying their own work), or undefined when they may.
 */
export function authorityProblem(
  who: Authority,
  actor: Actor,
  report: Case,
  action: ReportAction,
): 'REPORT.FORBIDDEN' | 'REPORT.SELF_VERIFY' | undefined {
  if (!holdsAuthority(who, actor, report, action)) return 'REPORT.FORBIDDEN';
  return who === 'verifier' && actor.id === report.resolvedBy ? 'REPORT.SELF_VERIFY' : undefined;
}

/** Whether the actor holds the authority a move asks for (self-verification is the one refusal apart). */
export function holdsAuthority(who: Authority, actor: Actor, report: Case, action: ReportAction): boolean {
  switch (who) {
    case 'owner':
      return isOwnerStaff(actor, report);
    case 'dispatcher': {
      // A 网格员 may take a case himself; only a 网格长 or a centre hands it to someone else, or takes it
      // from whoever has it (改派: a 网格员 does not take a colleague's case).
      const self = action.type === 'assign' && action.to.kind === 'person' && action.to.personId === actor.id;
      return isSupervisor(actor, report) || (self && report.ownerLevel === 'grid' && isOwnerStaff(actor, report));
    }
    case 'assignee':
      return isAssignee(actor, report);
    case 'verifier':
      return isSupervisor(actor, report);
    case 'reporter':
      return actor.id === report.reporterId;
    case 'centreAbove':
      return isCentreAbove(actor, report);
    case 'owningCentre':
      return report.ownerLevel !== 'grid' && isOwnerStaff(actor, report);
  }
}
