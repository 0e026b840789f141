import {
  applyAsInformant,
  decideInformant,
  informantApplicationId,
  informantGridsOf,
  informantMessageFor,
  isGridCaseStaff,
  type InformantApplication,
  type InformantApplicationView,
  type InformantErrorCode,
  type ParsedRequestOf,
  type applyInformantContract,
  type reviewInformantContract,
} from '@pingan/shared';
import { AppError } from '../platform/app-error';
import type { Caller } from '../platform/define-function';
import { TransactionBusyError } from '../platform/sdk';
import { findRegion } from '../routing/regions.repository';
import { findCaller } from '../users/caller';
import { actorOf } from '../users/user-document';
import { ensureUser } from '../users/users.repository';
import {
  decideInTransaction,
  findInformantApplication,
  informantApplicationOf,
  saveInformantApplication,
  type InformantApplicationDoc,
} from './informant-applications.repository';

/** The Chinese sentence of each refusal (the client shows its own for the code). */
const REFUSALS: Readonly<Record<InformantErrorCode, string>> = {
  'INFORMANT.NOT_FOUND': '没有找到这份信息员申请',
  'INFORMANT.ALREADY_APPROVED': '已经是这个网格的信息员',
  'INFORMANT.ALREADY_DECIDED': '这份信息员申请已经审核过了',
  'INFORMANT.NOT_APPROVED': '他现在不是这个网格的信息员',
  'INFORMANT.REASON_REQUIRED': '不通过或取消资格时请写明原因',
  'INFORMANT.STAFF': '网格工作人员不能申请成为信息员',
  'AUTH.FORBIDDEN': '只有本网格的网格员、网格长可以审核',
};

/** A lost race is read again and decided again. */
const ATTEMPTS = 3;

export function informantRefusal(code: InformantErrorCode): AppError {
  return new AppError(code, REFUSALS[code]);
}

/** A grid's name, or GRID.NOT_FOUND for a code that is no grid. */
async function gridNamed(gridCode: string): Promise<string> {
  const grid = await findRegion(gridCode);
  if (!grid || grid.level !== 'grid') throw new AppError('GRID.NOT_FOUND', '没有这个网格');
  return grid.name;
}

/**
 * 申请成为信息员: the caller (made a resident on a first call) applies to `gridCode`, or to the grid they
 * joined. 3 waves: the caller (and the named grid's place at once); the application by `_id` (and the
 * joined grid's place); one insert or update conditional on its version.
 */
export async function applyInformant(
  request: ParsedRequestOf<typeof applyInformantContract>,
  caller: Caller,
  now: number,
): Promise<InformantApplicationView> {
  const { gridCode: named, ...profile } = request;
  const [user, namedGrid] = await Promise.all([ensureUser(caller.openid, now), named ? gridNamed(named) : undefined]);
  const gridCode = named ?? user.joinedGridCode;
  if (gridCode === undefined) throw new AppError('GRID.NOT_JOINED', '请先扫码加入网格，或写明网格编码');
  const id = informantApplicationId(gridCode, user._id);
  const [first, gridName] = await Promise.all([findInformantApplication(id), namedGrid ?? gridNamed(gridCode)]);
  let before = first;
  for (let attempt = 1; ; attempt++) {
    const existing = before && informantApplicationOf(before);
    const outcome = applyAsInformant(actorOf(user), informantGridsOf(user), gridCode, profile, existing, now);
    if (!outcome.ok) throw informantRefusal(outcome.code);
    if (await saveInformantApplication(outcome.application, caller.openid, before)) return informantViewOf(outcome.application, gridName);
    if (attempt === ATTEMPTS) throw informantRefusal('INFORMANT.ALREADY_DECIDED');
    before = await findInformantApplication(id);
  }
}

/**
 * A 网格员/网格长 of the grid approves, refuses or removes, in one transaction with the person's record and
 * the applicant's message (decideInTransaction). Waves: the caller, the application and the grid's place
 * at once; the transaction's start, its reads (the application, the person) at once, its writes at once, and its commit: 5 in all; a lost race reads again.
 */
export async function reviewInformant(
  request: ParsedRequestOf<typeof reviewInformantContract>,
  caller: Caller,
  now: number,
): Promise<InformantApplicationView> {
  const id = informantApplicationId(request.gridCode, request.personId);
  const [me, first, grid] = await Promise.all([findCaller(caller), findInformantApplication(id), findRegion(request.gridCode)]);
  const reason = request.reason ?? '';
  const decision = request.decision === 'approve' ? { decision: 'approve' as const } : { decision: request.decision, reason };
  const gridName = grid?.name ?? request.gridCode;
  let before = first;
  for (let attempt = 1; ; attempt++) {
    if (!me) throw informantRefusal('AUTH.FORBIDDEN');
    if (!before) throw informantRefusal(isGridCaseStaff(me.actor, request.gridCode) ? 'INFORMANT.NOT_FOUND' : 'AUTH.FORBIDDEN');
    const outcome = decideInformant(informantApplicationOf(before), decision, me.actor, now);
    if (!outcome.ok) throw informantRefusal(outcome.code);
    const applicant = { openid: before.openid };
    const saved = await decideOnce(before, outcome.application, (decided, version) =>
      informantMessageFor(decided, applicant, gridName, version),
    );
    if (saved) return informantViewOf(saved, gridName);
    if (attempt === ATTEMPTS) throw informantRefusal('INFORMANT.ALREADY_DECIDED');
    before = await findInformantApplication(id);
  }
}

/** One transaction; a transaction that stays busy is a lost race too (read again, decided again). */
async function decideOnce(
  before: InformantApplicationDoc,
  decided: InformantApplication,
  messageOf: Parameters<typeof decideInTransaction>[2],
): Promise<InformantApplication | undefined> {
  try {
    return await decideInTransaction(before, decided, messageOf);
  } catch (error) {
    if (error instanceof TransactionBusyError) return undefined;
    throw error;
  }
}

/** An application as the applicant and the grid's staff read it: no openid, no reviewer's id. */
export function informantViewOf(application: InformantApplication | InformantApplicationDoc, gridName: string): InformantApplicationView {
  const { gridCode, personId, name, phone, motive, status, appliedAt, decidedAt, reason } = application;
  return {
    id: 'id' in application ? application.id : application._id,
    gridCode,
    gridName,
    personId,
    name,
    phone,
    motive,
    status,
    appliedAt,
    ...(decidedAt !== undefined && { decidedAt }),
    ...(reason !== undefined && { reason }),
  };
}
