import { hasRole, type Actor } from '../people/actor';
import type { Role } from '../people/role';
import { isGridCaseStaff } from './order-transitions';
import type { TaskKind } from './service-order';

/**
 * 在职党员/志愿者网格报到 (docs/DESIGN.md, "Service orders (居民点单)"): a signed-in person applies to a grid,
 * a 网格员 or 网格长 of that grid approves or refuses with a reason. One application per person and grid.
 */
export const VOLUNTEER_APPLICATION_STATUSES = ['pending', 'approved', 'refused'] as const;
export type VolunteerApplicationStatus = (typeof VOLUNTEER_APPLICATION_STATUSES)[number];

/** What the applicant says about themselves: name, phone, 党员 or not, 工作单位, skills and 党员责任岗 posts. */
export type VolunteerProfile = {
  readonly name: string;
  readonly phone: string;
  readonly partyMember: boolean;
  readonly workUnit?: string;
  readonly skills: readonly string[];
  readonly posts: readonly TaskKind[];
};

export type VolunteerApplication = VolunteerProfile & {
  /** `<gridCode>:<personId>`: one per person and grid, so applying again finds the first. */
  readonly id: string;
  readonly gridCode: string;
  readonly personId: string;
  readonly status: VolunteerApplicationStatus;
  readonly appliedAt: number;
  readonly decidedAt?: number;
  readonly decidedBy?: string;
  readonly reason?: string;
};

export type VolunteerErrorCode =
  | 'VOLUNTEER.NOT_FOUND'
  | 'VOLUNTEER.ALREADY_APPROVED'
  | 'VOLUNTEER.ALREADY_DECIDED'
  | 'VOLUNTEER.REASON_REQUIRED'
  | 'VOLUNTEER.SKILL_UNKNOWN'
  | 'AUTH.FORBIDDEN';

export type ApplicationOutcome =
  { readonly ok: true; readonly application: VolunteerApplication } | { readonly ok: false; readonly code: VolunteerErrorCode };

/** The id of a person's application to a grid. */
export function volunteerApplicationId(gridCode: string, personId: string): string {
  return `${gridCode}:${personId}`;
}

/** Whether the actor already serves the grid as a volunteer (the `gridVolunteer` authority of the order table). */
export function isGridVolunteer(actor: Actor, gridCode: string): boolean {
  return hasRole(actor, 'volunteer') && actor.gridCodes.includes(gridCode);
}

/** The skills among `skills` that the county's services do not name, if any. */
export function unknownSkills(skills: readonly string[], known: readonly string[]): string[] {
  return skills.filter((skill) => !known.includes(skill));
}

/**
 * 报到: the application a person makes to a grid at `now`. A first one, or one after a refusal, starts
 * pending; a pending one is updated in place (applying twice is one application); an approved volunteer of
 * the grid has nothing to apply for.
 */
export function applyToGrid(
  applicant: Actor,
  gridCode: string,
  profile: VolunteerProfile,
  existing: VolunteerApplication | undefined,
  knownSkills: readonly string[],
  now: number,
): ApplicationOutcome {
  if (unknownSkills(profile.skills, knownSkills).length > 0) return { ok: false, code: 'VOLUNTEER.SKILL_UNKNOWN' };
  if (existing?.status === 'approved' || isGridVolunteer(applicant, gridCode)) return { ok: false, code: 'VOLUNTEER.ALREADY_APPROVED' };
  const { workUnit, ...rest } = profile;
  const application: VolunteerApplication = {
    ...rest,
    ...(workUnit !== undefined && workUnit !== '' && { workUnit }),
    skills: [...new Set(profile.skills)],
    posts: [...new Set(profile.posts)],
    id: volunteerApplicationId(gridCode, applicant.id),
    gridCode,
    personId: applicant.id,
    status: 'pending',
    appliedAt: now,
  };
  return { ok: true, application };
}

export type VolunteerDecision = { readonly decision: 'approve' } | { readonly decision: 'refuse'; readonly reason: string };

/** A 网格员 or 网格长 of the grid decides a pending application: approved, or refused with a reason. */
export function decideApplication(
  application: VolunteerApplication,
  decision: VolunteerDecision,
  reviewer: Actor,
  now: number,
): ApplicationOutcome {
  if (!isGridCaseStaff(reviewer, application.gridCode)) return { ok: false, code: 'AUTH.FORBIDDEN' };
  if (application.status !== 'pending') return { ok: false, code: 'VOLUNTEER.ALREADY_DECIDED' };
  const decided = { ...application, decidedAt: now, decidedBy: reviewer.id };
  if (decision.decision === 'approve') return { ok: true, application: { ...decided, status: 'approved' } };
  const reason = decision.reason.trim();
  if (reason === '') return { ok: false, code: 'VOLUNTEER.REASON_REQUIRED' };
  return { ok: true, application: { ...decided, status: 'refused', reason } };
}

/** What approval gives the person: the volunteer role, the grid, and the application's skills, each once. */
export type VolunteerGrant = { readonly roles: Role[]; readonly gridCodes: string[]; readonly skills: string[] };

/** The person's roles, grids and skills once the application is approved (nothing they had is taken away). */
export function volunteerGrant(
  person: { readonly roles: readonly Role[]; readonly gridCodes: readonly string[]; readonly skills?: readonly string[] },
  application: Pick<VolunteerApplication, 'gridCode' | 'skills'>,
): VolunteerGrant {
  return {
    roles: [...new Set<Role>([...person.roles, 'volunteer'])],
    gridCodes: [...new Set([...person.gridCodes, application.gridCode])],
    skills: [...new Set([...(person.skills ?? []), ...application.skills])],
  };
}

/** Above every epoch ms in use (the year 2286): pending applications sort above every decided one. */
const PENDING_FIRST = 20_000_000_000_000;

/**
 * The one number a grid's list of applications sorts on, descending: pending ones first, the longest
 * waiting first, then the decided ones, the latest decision first. Stored, so the list is one keyset page.
 * The same for 网格报到 and 信息员 applications (points/informant-application.ts), whose statuses both start at `pending`.
 */
export function applicationListKey(application: {
  readonly status: string;
  readonly appliedAt: number;
  readonly decidedAt?: number;
}): number {
  if (application.status === 'pending') return PENDING_FIRST - application.appliedAt;
  return application.decidedAt ?? application.appliedAt;
}
