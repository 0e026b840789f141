import {
  applyToGrid,
  decideApplication,
  isGridCaseStaff,
  skillsOfServices,
  volunteerApplicationId,
  type ParsedRequestOf,
  type registerVolunteerContract,
  type reviewVolunteerContract,
  type VolunteerApplication,
  type VolunteerApplicationView,
  type VolunteerErrorCode,
} from '@pingan/shared';
import { listServices } from '../catalog/services.repository';
import { AppError } from '../platform/app-error';
import type { Caller } from '../platform/define-function';
import { findRegion } from '../routing/regions.repository';
import { findCaller } from '../users/caller';
import { actorOf } from '../users/user-document';
import { ensureUser } from '../users/users.repository';
import {
  applicationOf,
  approveApplication,
  findApplication,
  saveApplication,
  type ApplicationDoc,
} from './volunteer-applications.repository';

/** The Chinese sentence of each refusal (the client shows its own for the code). */
const REFUSALS: Readonly<Record<VolunteerErrorCode, string>> = {
  'VOLUNTEER.NOT_FOUND': '没有找到这份报到申请',
  'VOLUNTEER.ALREADY_APPROVED': '已经是这个网格的志愿者',
  'VOLUNTEER.ALREADY_DECIDED': '这份报到申请已经审核过了',
  'VOLUNTEER.REASON_REQUIRED': '不通过时请写明原因',
  'VOLUNTEER.SKILL_UNKNOWN': '有的特长不在可选范围内',
  'AUTH.FORBIDDEN': '只有本网格的网格员、网格长可以审核',
};

/** A lost race is read again and decided again. */
const ATTEMPTS = 3;

export function volunteerRefusal(code: VolunteerErrorCode): AppError {
  return new AppError(code, REFUSALS[code]);
}

/** Every skill the county's services name (services.json), the list a volunteer picks from. */
export async function knownSkills(now: number): Promise<string[]> {
  return skillsOfServices(await listServices(now));
}

/**
 * 网格报到: the caller (made a resident on a first call) applies to a grid. 3 waves: the caller, the grid's
 * place and the services (cached) at once; the application by `_id`; one insert or conditional update.
 */
export async function registerVolunteer(
  request: ParsedRequestOf<typeof registerVolunteerContract>,
  caller: Caller,
  now: number,
): Promise<VolunteerApplication> {
  const { gridCode, ...profile } = request;
  const [user, grid, skills] = await Promise.all([ensureUser(caller.openid, now), findRegion(gridCode), knownSkills(now)]);
  if (!grid || grid.level !== 'grid') throw new AppError('GRID.NOT_FOUND', '没有这个网格');
  const id = volunteerApplicationId(gridCode, user._id);
  for (let attempt = 1; ; attempt++) {
    const before = await findApplication(id);
    const outcome = applyToGrid(actorOf(user), gridCode, profile, before && applicationOf(before), skills, now);
    if (!outcome.ok) throw volunteerRefusal(outcome.code);
    if (await saveApplication(outcome.application, caller.openid, before)) return outcome.application;
    if (attempt === ATTEMPTS) throw volunteerRefusal('VOLUNTEER.ALREADY_DECIDED');
  }
}

/**
 * A 网格员/网格长 of the grid approves (one transaction: the person and the application) or refuses (one
 * update conditional on the version) a pending application. Waves: the caller and the application at
 * once; then a refusal's update, or the approval's transaction (start, two reads, two writes, commit: 7 in all).
 */
export async function reviewVolunteer(
  request: ParsedRequestOf<typeof reviewVolunteerContract>,
  caller: Caller,
  now: number,
): Promise<VolunteerApplication> {
  const id = volunteerApplicationId(request.gridCode, request.personId);
  const [me, first] = await Promise.all([findCaller(caller), findApplication(id)]);
  const decision =
    request.decision === 'approve' ? { decision: 'approve' as const } : { decision: 'refuse' as const, reason: request.reason ?? '' };
  let before = first;
  for (let attempt = 1; ; attempt++) {
    if (!me) throw volunteerRefusal('AUTH.FORBIDDEN');
    if (!before) throw volunteerRefusal(isGridCaseStaff(me.actor, request.gridCode) ? 'VOLUNTEER.NOT_FOUND' : 'AUTH.FORBIDDEN');
    const outcome = decideApplication(applicationOf(before), decision, me.actor, now);
    if (!outcome.ok) throw volunteerRefusal(outcome.code);
    const saved =
      outcome.application.status === 'approved'
        ? await approveApplication(before, outcome.application)
        : await saveApplication(outcome.application, before.openid, before);
    if (saved) return outcome.application;
    if (attempt === ATTEMPTS) throw volunteerRefusal('VOLUNTEER.ALREADY_DECIDED');
    before = await findApplication(id);
  }
}

/** An application as the applicant and the grid's staff read it: no openid, no reviewer's id. */
export function applicationViewOf(application: VolunteerApplication | ApplicationDoc): VolunteerApplicationView {
  const { gridCode, personId, name, phone, partyMember, workUnit, skills, posts, status, appliedAt, decidedAt, reason } = application;
  return {
    id: 'id' in application ? application.id : application._id,
    gridCode,
    personId,
    name,
    phone,
    partyMember,
    ...(workUnit !== undefined && { workUnit }),
    skills: [...skills],
    posts: [...posts],
    status,
    appliedAt,
    ...(decidedAt !== undefined && { decidedAt }),
    ...(reason !== undefined && { reason }),
  };
}
