import type { Actor } from '../people/actor';
import { isStaffRole, type Role } from '../people/role';
import { isGridCaseStaff } from '../service/order-transitions';
import type { InformantApplicationStatus } from './informant-constants';

/**
 * 兼职信息员 (docs/DESIGN.md, "Points"): a resident applies to be an informant of one grid; its 网格员 or 网格长
 * approves or refuses with words, and may later remove an approved informant with words. One application
 * per person and grid (`<gridCode>:<personId>`): applying again after a refusal or a removal makes it pending.
 */

/** What the applicant says: their real name, a mobile, and why / what they can see (a 快递员's round …). */
export type InformantProfile = { readonly name: string; readonly phone: string; readonly motive: string };

export type InformantApplication = InformantProfile & {
  /** `<gridCode>:<personId>` (informantApplicationId). */
  readonly id: string;
  readonly gridCode: string;
  readonly personId: string;
  readonly status: InformantApplicationStatus;
  readonly appliedAt: number;
  /** When and by whom it was last approved, refused or removed. */
  readonly decidedAt?: number;
  readonly decidedBy?: string;
  /** The staff's words on a refusal or a removal (the applicant reads them). */
  readonly reason?: string;
};

export type InformantErrorCode =
  | 'INFORMANT.NOT_FOUND'
  | 'INFORMANT.ALREADY_APPROVED'
  | 'INFORMANT.ALREADY_DECIDED'
  | 'INFORMANT.NOT_APPROVED'
  | 'INFORMANT.REASON_REQUIRED'
  | 'INFORMANT.STAFF'
  | 'AUTH.FORBIDDEN';

export type InformantOutcome =
  { readonly ok: true; readonly application: InformantApplication } | { readonly ok: false; readonly code: InformantErrorCode };

export type InformantDecision =
  | { readonly decision: 'approve' }
  | { readonly decision: 'refuse'; readonly reason: string }
  | { readonly decision: 'remove'; readonly reason: string };

/** The id of a person's informant application to a grid. */
export function informantApplicationId(gridCode: string, personId: string): string {
  return `${gridCode}:${personId}`;
}

/** A person's roles and grids as the users record (or the Actor built from it) holds them. */
export type InformantHolder = {
  readonly roles: readonly Role[];
  readonly gridCodes: readonly string[];
  /** The grids approved for as an informant: written by approval, removal and the seed. */
  readonly informantGridCodes?: readonly string[];
};

/**
 * The grids a person is approved for as an informant, the only ones where a valid report pays money (none
 * without the role). `gridCodes` (lived in, volunteered in, served) never counts, except for a record
 * written before `informantGridCodes` existed, whose informant grids were all of its `gridCodes`.
 */
export function informantGridsOf(person: InformantHolder): readonly string[] {
  if (!person.roles.includes('informant')) return [];
  return person.informantGridCodes ?? person.gridCodes;
}

/**
 * The application a person makes to a grid at `now`: a first one, or one after a refusal or a removal,
 * starts pending; a pending one is updated in place. Nobody applies for a grid twice, and staff not at all:
 * reporting is their work, they earn nothing in their own area, and money for reports in a neighbour's
 * grid would pay two 网格员 for trading reports across their boundary (docs/DESIGN.md, "Points").
 */
export function applyAsInformant(
  applicant: Actor,
  approvedGrids: readonly string[],
  gridCode: string,
  profile: InformantProfile,
  existing: InformantApplication | undefined,
  now: number,
): InformantOutcome {
  if (applicant.roles.some(isStaffRole)) return { ok: false, code: 'INFORMANT.STAFF' };
  if (existing?.status === 'approved' || approvedGrids.includes(gridCode)) return { ok: false, code: 'INFORMANT.ALREADY_APPROVED' };
  const application: InformantApplication = {
    name: profile.name.trim(),
    phone: profile.phone,
    motive: profile.motive.trim(),
    id: informantApplicationId(gridCode, applicant.id),
    gridCode,
    personId: applicant.id,
    status: 'pending',
    appliedAt: now,
  };
  return { ok: true, application };
}

/**
 * A 网格员 or 网格长 of the grid decides: approves or refuses (with words) a pending application, or removes
 * (with words) an approved informant. Nobody decides their own application.
 */
export function decideInformant(
  application: InformantApplication,
  decision: InformantDecision,
  reviewer: Actor,
  now: number,
): InformantOutcome {
  if (!isGridCaseStaff(reviewer, application.gridCode) || reviewer.id === application.personId)
    return { ok: false, code: 'AUTH.FORBIDDEN' };
  if (decision.decision === 'remove') {
    if (application.status !== 'approved') return { ok: false, code: 'INFORMANT.NOT_APPROVED' };
  } else if (application.status !== 'pending') {
    return { ok: false, code: application.status === 'approved' ? 'INFORMANT.ALREADY_APPROVED' : 'INFORMANT.ALREADY_DECIDED' };
  }
  const decided = { ...application, decidedAt: now, decidedBy: reviewer.id };
  if (decision.decision === 'approve') return { ok: true, application: { ...decided, status: 'approved' } };
  const reason = decision.reason.trim();
  if (reason === '') return { ok: false, code: 'INFORMANT.REASON_REQUIRED' };
  return { ok: true, application: { ...decided, status: decision.decision === 'refuse' ? 'refused' : 'removed', reason } };
}

/** What a person's record becomes: the informant role and grids; `gridCodes` is never touched. */
export type InformantRecord = { readonly roles: Role[]; readonly informantGridCodes: string[] };

/** Approval: the informant role, and the grid among the informant grids. */
export function informantGrant(person: InformantHolder, gridCode: string): InformantRecord {
  return {
    roles: [...new Set<Role>([...person.roles, 'informant'])],
    informantGridCodes: [...new Set([...informantGridsOf(person), gridCode])],
  };
}

/** Removal: the grid leaves the informant grids; the role goes with the last of them. */
export function informantRevocation(person: InformantHolder, gridCode: string): InformantRecord {
  const informantGridCodes = informantGridsOf(person).filter((code) => code !== gridCode);
  return {
    roles: informantGridCodes.length > 0 ? [...person.roles] : person.roles.filter((role) => role !== 'informant'),
    informantGridCodes,
  };
}
