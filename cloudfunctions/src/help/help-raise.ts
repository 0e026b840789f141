import { createHash } from 'node:crypto';
import {
  HELP_RATE_LIMIT,
  asLngLat,
  isOpenHelp,
  newHelpCall,
  type GridCard,
  type HelpProfile,
  type raiseHelpContract,
  type ParsedRequestOf,
} from '@pingan/shared';
import { routingSettings } from '../catalog/settings.repository';
import { AppError } from '../platform/app-error';
import type { Caller } from '../platform/define-function';
import { takeRateSlot } from '../platform/rate-limits.repository';
import { inTransaction, TransactionBusyError } from '../platform/sdk';
import { gridCard } from '../routing/grid-card';
import { routeNewReport, type RoutedReport } from '../routing/report-routing';
import type { UserDoc } from '../users/user-document';
import { ensureUser, USERS } from '../users/users.repository';
import { findHelpCall, HELP_CALLS } from './help-calls.repository';
import type { HelpCallDoc } from './help-document';

type RaiseRequest = ParsedRequestOf<typeof raiseHelpContract>;

/** A person as the raise reads them: their record with the 求助资料 and open call it keeps. */
export type HelpUserDoc = UserDoc & { readonly helpProfile?: HelpProfile; readonly openHelpId?: string };

export type Raised = { readonly doc: HelpCallDoc; readonly alreadyOpen: boolean; readonly inserted: boolean };

/** A call's id from its requester and the press's idempotency key: `h` and 24 hex of SHA-256. */
export function helpCallIdFor(openid: string, idempotencyKey: string): string {
  return `h${createHash('sha256').update(`${openid}\n${idempotencyKey}`).digest('hex').slice(0, 24)}`;
}

/**
 * 一键求助. Waves: the caller (made a resident on a first call) and any call under this id, at once (a retry
 * answers its first); their open call, if they have one (pressing again answers it, and takes no place of
 * the rate limit); routing (the grid at the location, else the joined grid; a location outside the county
 * falls back to the joined grid: someone in trouble is never refused for where they stand) beside the rate
 * limit's place; the grid's card (its staff and numbers); one transaction that reads the person again,
 * stores the call and makes it their open one — so of two presses at once with different keys, one call is
 * made and the other answers it.
 */
export async function raiseHelp(request: RaiseRequest, caller: Caller, now: number): Promise<Raised> {
  const id = helpCallIdFor(caller.openid, request.idempotencyKey);
  const [user, existing] = await Promise.all([ensureUser(caller.openid, now) as Promise<HelpUserDoc>, findHelpCall(id)]);
  if (existing) return { doc: existing, alreadyOpen: false, inserted: false };
  const open = user.openHelpId === undefined ? undefined : await findHelpCall(user.openHelpId);
  if (open && isOpenHelp(open.status)) return { doc: open, alreadyOpen: true, inserted: false };
  if (!request.location && user.joinedGridCode === undefined) throw notJoined();
  // Both settle before the answer, so a refusal never leaves the rate limit's write running after it.
  const [routed, slot] = await Promise.allSettled([routeHelp(request, user), takeRateSlot('help', user._id, HELP_RATE_LIMIT, now)]);
  if (routed.status === 'rejected') throw routed.reason;
  if (slot.status === 'rejected') throw slot.reason;
  const { route, owner } = routed.value;
  const card: GridCard | undefined = route.ownerLevel === 'grid' ? await gridCard(route.ownerCode) : undefined;
  const call = newHelpCall(
    {
      id,
      requesterId: user._id,
      requesterName: user.name,
      placeCode: route.ownerCode,
      placeLevel: route.ownerLevel,
      regionPath: route.regionPath,
      ...(user.helpProfile && hasShared(user.helpProfile) && { profile: user.helpProfile }),
      ...(request.location && { location: asLngLat(request.location) }),
      ...(request.address && { address: request.address }),
    },
    now,
  );
  const { id: _id, ...fields } = call;
  const doc: HelpCallDoc = {
    ...fields,
    _id: id,
    version: 0,
    requesterOpenid: caller.openid,
    idempotencyKey: request.idempotencyKey,
    // A grid's name carries its community's already (城关社区第3网格).
    placeName: card ? card.name : (owner.ownerName ?? route.ownerCode),
    contacts: card?.staff ?? [],
    notifyFrom: 1,
    notifyDueAt: now,
  };
  try {
    return await inTransaction(async (tx) => storeRaised(tx, user._id, doc));
  } catch (error) {
    if (error instanceof TransactionBusyError) throw new AppError('HELP.BUSY', '求助正在发送，请稍候；紧急情况请直接拨打 110 或 120');
    throw error;
  }
}

async function storeRaised(tx: Parameters<Parameters<typeof inTransaction>[0]>[0], userId: string, doc: HelpCallDoc): Promise<Raised> {
  const fresh = (await tx.collection(USERS).doc(userId).get()).data as HelpUserDoc | null;
  const openId = fresh?.openHelpId;
  if (openId !== undefined) {
    const other = (await tx.collection(HELP_CALLS).doc(openId).get()).data as HelpCallDoc | null;
    if (other && isOpenHelp(other.status)) return { doc: other, alreadyOpen: openId !== doc._id, inserted: false };
  }
  const { _id, ...fields } = doc;
  await tx.collection(HELP_CALLS).doc(_id).set({ data: fields });
  await tx
    .collection(USERS)
    .doc(userId)
    .update({ data: { openHelpId: doc._id } });
  return { doc, alreadyOpen: false, inserted: true };
}

/** Whether a profile shares anything at all. */
function hasShared(profile: HelpProfile): boolean {
  return profile.tags.length > 0 || profile.note !== undefined || profile.phone !== undefined;
}

function notJoined(): AppError {
  return new AppError('GRID.NOT_JOINED', '没有定位，也没有加入网格，求助无法送达。请直接拨打 110 或 120');
}

async function routeHelp(request: RaiseRequest, user: HelpUserDoc): Promise<RoutedReport> {
  const joinedGridCode = user.joinedGridCode;
  if (!request.location && joinedGridCode === undefined) throw notJoined();
  const settings = await routingSettings();
  const base = { departments: [], ...(joinedGridCode !== undefined && { joinedGridCode }) };
  if (!request.location) return routeNewReport(base, settings);
  try {
    return await routeNewReport({ ...base, location: asLngLat(request.location) }, settings);
  } catch (error) {
    if (error instanceof AppError && error.code === 'LOCATION.OUTSIDE_COUNTY' && joinedGridCode !== undefined)
      return routeNewReport(base, settings);
    throw error;
  }
}
