import * as z from 'zod/mini';
import { GRID_CASE_OWNER_ROLES } from '../people/role';
import { LEDGER_UNITS } from '../points/ledger-entry';
import { gridCodeSchema, idSchema, reportRefSchema } from './common.schema';
import { contract } from './contract';

/**
 * The staff moves a case page may offer (the transition table's moves that are not the reporter's, then
 * the events: 上报上级, 下派, 督办, 回复督办; and 撤销奖励, reverseAward, on an accepted case whose award paid
 * money or points). The page offers exactly those `caseActions` answers, so it
 * never guesses who may do what.
 */
export const STAFF_MOVES = [
  'accept',
  'reject',
  'assign',
  'reassign',
  'start',
  'resolve',
  'close',
  'rework',
  'escalate',
  'handBack',
  'supervise',
  'answerSupervision',
  'reverseAward',
] as const;
export type StaffMove = (typeof STAFF_MOVES)[number];

/** A person a case may go to (派单, 改派): a 网格员 or 网格长 of the case's grid; `self` marks the caller. */
export const assignablePersonSchema = z.object({
  id: idSchema,
  name: z.string(),
  role: z.enum(GRID_CASE_OWNER_ROLES),
  self: z.boolean(),
});

/**
 * `caseActions`: what the calling staff member may do to one case now, decided by the transition table
 * and its authorities, and for 派单 or 改派 whom the case may go to (people of its grid, then co-handling
 * departments; for 改派 not whoever has it now), each only where the caller may hand it to them (a 网格员
 * only to himself), and the
 * reporter's phone for staff when the report is not anonymous. To whoever
 * may not see the case it does not exist (REPORT.NOT_FOUND), as in `reportDetail`.
 */
export const caseActionsContract = contract(
  'caseActions',
  reportRefSchema,
  z.object({
    moves: z.array(z.enum(STAFF_MOVES)),
    people: z.array(assignablePersonSchema),
    departments: z.array(z.string()),
    /** Who the case is assigned to now, by name, when it is. */
    assignee: z.optional(z.object({ kind: z.enum(['person', 'department']), name: z.string() })),
    /** For 下派: the grids under the owning centre the case may go down to, by code order; present when `handBack` is offered. */
    grids: z.optional(z.array(z.object({ code: gridCodeSchema, name: z.string() }))),
    /** For 撤销奖励: what the report's award paid (fen or points); present when `reverseAward` is offered. */
    award: z.optional(z.object({ unit: z.enum(LEDGER_UNITS), amount: z.int() })),
    /** The reporter's phone, for staff to call back: never on an anonymous report, nor when none is on record. */
    reporterPhone: z.optional(z.string().check(z.maxLength(32))),
  }),
);

export type AssignablePerson = z.infer<typeof assignablePersonSchema>;
