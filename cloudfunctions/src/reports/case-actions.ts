import {
  GRID_CASE_OWNER_ROLES,
  STAFF_MOVES,
  authorityProblem,
  isStaff,
  transitionFor,
  type Actor,
  type AssignablePerson,
  type Assignee,
  type Report,
  type ReportAction,
  type ResponseOf,
  type StaffMove,
  type caseActionsContract,
} from '@pingan/shared';
import { reversibleAward } from '../points/award-reversal';
import type { UserDoc } from '../users/user-document';
import { findUserById, usersServingGrid } from '../users/users.repository';
import { eventMovesFor } from './case-event-moves';
import type { ReportDoc } from './report-document';
import { reportOf } from './report-document';

export type CaseActions = ResponseOf<typeof caseActionsContract>;

type HandOn = 'assign' | 'reassign';
type TableMove = Exclude<StaffMove, 'escalate' | 'handBack' | 'supervise' | 'answerSupervision' | 'reverseAward'>;

/** Whether the table has the move from the case's status and the actor holds its authority (self-verify refused too). */
function mayMake(move: TableMove, actor: Actor, report: Report, to?: Assignee): boolean {
  const transition = transitionFor(move, report.status);
  if (!transition) return false;
  const action: ReportAction =
    move === 'assign' && to
      ? { type: move, to }
      : move === 'reassign' && to
        ? { type: move, to, reason: '改派' }
        : ({ type: move } as ReportAction);
  return authorityProblem(transition.who, actor, report, action) === undefined;
}

/** Whether `to` is whoever holds the case now (改派 goes to someone else). */
function holdsIt(report: Report, to: Assignee): boolean {
  const now = report.assignee;
  if (!now || now.kind !== to.kind) return false;
  return now.kind === 'person'
    ? to.kind === 'person' && now.personId === to.personId
    : to.kind === 'department' && now.department === to.department;
}

/** The grid's 网格员 and 网格长, read only when the case could be handed on or is with one of them now. */
async function gridPeopleOf(doc: ReportDoc, needed: boolean): Promise<UserDoc[]> {
  const grid = doc.regionPath.grid;
  return needed && grid !== undefined ? usersServingGrid(grid, GRID_CASE_OWNER_ROLES) : [];
}

/** The reporter's phone for staff calling back (电话回访): never for an anonymous report, nor to the reporter himself. */
async function reporterPhoneFor(actor: Actor, doc: ReportDoc): Promise<string | undefined> {
  if (doc.anonymous || !isStaff(actor) || actor.id === doc.reporterId) return undefined;
  return (await findUserById(doc.reporterId))?.phone;
}

function personOf(user: UserDoc, actor: Actor): AssignablePerson {
  const role = user.roles.includes('gridLeader') ? 'gridLeader' : 'gridWorker';
  return { id: user._id, name: user.name, role, self: user._id === actor.id };
}

/**
 * What `actor` may do to the case now, by the transition table's authorities (authorityProblem), and for
 * 派单 or 改派 each person of the grid and each co-handling department the actor may hand it to; the same rule
 * the move's own function applies, so a button shown is a move allowed; the events (上报上级, 下派, 督办,
 * 回复督办: case-event-moves.ts) with 下派's grids; 撤销奖励 with what the award paid (points/award-reversal.ts,
 * reversibleAward); and the reporter's phone for staff.
 */
export async function caseActionsFor(actor: Actor, doc: ReportDoc, now: number): Promise<CaseActions> {
  const report = reportOf(doc);
  const handOn = (['assign', 'reassign'] as const).find((move) => transitionFor(move, report.status) !== undefined);
  const current = report.assignee;
  const [users, reporterPhone, events, award] = await Promise.all([
    gridPeopleOf(doc, handOn !== undefined || current?.kind === 'person'),
    reporterPhoneFor(actor, doc),
    eventMovesFor(actor, report, now),
    reversibleAward(actor, report),
  ]);
  const mayHand = (to: Assignee) => handOn !== undefined && !holdsIt(report, to) && mayMake(handOn, actor, report, to);
  const people = users.filter((user) => mayHand({ kind: 'person', personId: user._id }));
  const departments = doc.departments.filter((department) => mayHand({ kind: 'department', department }));
  const moves = STAFF_MOVES.filter((move) =>
    move === 'reverseAward'
      ? award !== undefined
      : isEventMove(move)
        ? events.moves.includes(move)
        : isHandOn(move)
          ? move === handOn && people.length + departments.length > 0
          : mayMake(move, actor, report),
  );
  const assigneeName =
    current && (current.kind === 'department' ? current.department : users.find((u) => u._id === current.personId)?.name);
  return {
    moves,
    people: people.map((user) => personOf(user, actor)),
    departments,
    ...(current && assigneeName !== undefined && { assignee: { kind: current.kind, name: assigneeName } }),
    ...(reporterPhone && { reporterPhone }),
    ...(events.moves.includes('handBack') && { grids: [...events.grids] }),
    ...(award && { award }),
  };
}

function isEventMove(move: StaffMove): move is Exclude<StaffMove, TableMove | 'reverseAward'> {
  return move === 'escalate' || move === 'handBack' || move === 'supervise' || move === 'answerSupervision';
}

function isHandOn(move: StaffMove): move is HandOn {
  return move === 'assign' || move === 'reassign';
}
