import type { LngLat } from '../geo/lng-lat';
import { OWNER_LEVELS, type OwnerLevel } from '../grid/grid-level';
import type { RegionPath } from '../grid/grid-tree';
import type { RateLimit } from '../limits/rate-limits';
import type { Actor } from '../people/actor';
import type { Role } from '../people/role';
import { hasText } from '../report/report-note';
import type { HelpEventType, HelpProfileTag, HelpStatus } from './help-constants';

export * from './help-constants';

/**
 * 一键求助 (docs/DESIGN.md, "Help calls (一键求助)"): a resident in trouble presses one button and the staff of
 * the place they are in are told at once, as a call of its own, never a report: it has no category, no
 * points and no handling clock, only an acknowledgement deadline. Nobody acknowledging in time sends it one
 * level up by itself (the grid's staff, then the community's centre, the street's, the county's), and every
 * step is kept on the call. Pure: the functions store what these return.
 */

/** The statuses of a call still waiting on someone: shown at the top of the staff's inboxes. */
export const OPEN_HELP_STATUSES = ['raised', 'acknowledged'] as const satisfies readonly HelpStatus[];

/** Minutes the people alerted at one level have to acknowledge before the call goes a level up. */
export const HELP_ACK_MINUTES = 5;

/**
 * How often one person may call for help, counted only for new calls (pressing again while a call is open
 * answers that call, and a retried request answers its first). A real emergency never meets it; a child
 * playing with the phone does, and is then shown the numbers to dial instead.
 */
export const HELP_RATE_LIMIT: RateLimit = { windowMinutes: 60, perWindow: 3, perDay: 6 };

/** 求助资料: what the resident chose to share, sent with each call they make (a copy: a later edit changes no call). */
export type HelpProfile = {
  readonly tags: readonly HelpProfileTag[];
  readonly note?: string;
  /** A phone number staff may call back on. */
  readonly phone?: string;
};

/** The staff roles at a grid who are alerted to and may answer its calls: 网格长, 网格员, 网格警 (not 网格医). */
export const HELP_GRID_ROLES = ['gridLeader', 'gridWorker', 'police'] as const satisfies readonly Role[];

/** One step of a call's trace. `level` is where it then stood; an actor's name is kept as it was. */
export type HelpEvent = {
  readonly seq: number;
  readonly type: HelpEventType;
  readonly at: number;
  readonly status: HelpStatus;
  readonly level: OwnerLevel;
  readonly actorId?: string;
  readonly actorName?: string;
  readonly actorRole?: Role;
  readonly note?: string;
};

/** Who answered: named to the resident ("赵丽（网格员）正在赶来") with a number to call. */
export type HelpResponder = { readonly personId: string; readonly name: string; readonly role: Role; readonly phone?: string };

export type HelpCall = {
  readonly id: string;
  readonly requesterId: string;
  readonly requesterName: string;
  readonly profile?: HelpProfile;
  readonly location?: LngLat;
  readonly address?: string;
  /** The place routed to (the grid at the location, else the joined grid) and every place above it. */
  readonly placeCode: string;
  readonly placeLevel: OwnerLevel;
  readonly regionPath: RegionPath;
  /** Where it stands now: the place whose staff are to acknowledge (placeLevel, then up the path). */
  readonly level: OwnerLevel;
  /** Every place alerted so far (its own first): whose staff see it at the top of their inbox and may answer it. */
  readonly alertedCodes: readonly string[];
  readonly status: HelpStatus;
  /** While raised: when the current level's time to acknowledge runs out; none at the county, the top. */
  readonly ackDueAt?: number;
  readonly responder?: HelpResponder;
  readonly raisedAt: number;
  readonly events: readonly HelpEvent[];
};

/** Whether a call still waits on someone. */
export function isOpenHelp(status: HelpStatus): boolean {
  return (OPEN_HELP_STATUSES as readonly HelpStatus[]).includes(status);
}

/** The level above a call's current one on its path, with the place's code; none at the top. */
export function nextHelpLevel(call: Pick<HelpCall, 'level' | 'regionPath'>): { level: OwnerLevel; code: string } | undefined {
  for (let i = OWNER_LEVELS.indexOf(call.level) - 1; i >= 0; i -= 1) {
    const level = OWNER_LEVELS[i] as OwnerLevel;
    const code = call.regionPath[level];
    if (code !== undefined) return { level, code };
  }
  return undefined;
}

export type NewHelpCall = Pick<HelpCall, 'id' | 'requesterId' | 'requesterName' | 'placeCode' | 'placeLevel' | 'regionPath'> &
  Partial<Pick<HelpCall, 'profile' | 'location' | 'address'>>;

/** A call as raised: its place alerted, due to be acknowledged in HELP_ACK_MINUTES. */
export function newHelpCall(request: NewHelpCall, now: number): HelpCall {
  const event: HelpEvent = { seq: 1, type: 'raised', at: now, status: 'raised', level: request.placeLevel, actorId: request.requesterId };
  return {
    ...request,
    level: request.placeLevel,
    alertedCodes: [request.placeCode],
    status: 'raised',
    ackDueAt: now + HELP_ACK_MINUTES * 60_000,
    raisedAt: now,
    events: [event],
  };
}

/**
 * The call a level up, if nobody acknowledged it by its deadline: the next place alerted with a new
 * deadline; at the top, it stays raised with no deadline (the county's staff keep it on top). Undefined
 * when nothing is due: answered, ended, not yet due, or already at the top.
 */
export function escalatedHelpCall(call: HelpCall, now: number): HelpCall | undefined {
  if (call.status !== 'raised' || call.ackDueAt === undefined || now < call.ackDueAt) return undefined;
  const next = nextHelpLevel(call);
  if (!next) {
    const { ackDueAt: _ended, ...rest } = call;
    return rest;
  }
  const event: HelpEvent = { seq: call.events.length + 1, type: 'escalated', at: now, status: 'raised', level: next.level };
  return {
    ...call,
    level: next.level,
    alertedCodes: [...call.alertedCodes, next.code],
    ackDueAt: now + HELP_ACK_MINUTES * 60_000,
    events: [...call.events, event],
  };
}

/**
 * Whether an actor answers for the call: a 网格长, 网格员 or 网格警 of its grid, or the staff of a centre it
 * has reached (an alerted place). They see it, acknowledge it and close it.
 */
export function mayAnswerHelp(actor: Actor, call: Pick<HelpCall, 'alertedCodes' | 'placeLevel' | 'placeCode'>): boolean {
  const gridStaff =
    call.placeLevel === 'grid' &&
    actor.gridCodes.includes(call.placeCode) &&
    actor.roles.some((role) => (HELP_GRID_ROLES as readonly Role[]).includes(role));
  const centre = actor.centre !== undefined && actor.roles.includes('centre') && call.alertedCodes.includes(actor.centre.regionCode);
  return gridStaff || centre;
}

/** The places whose calls an actor answers (for the query of their open calls): grids they staff, their centre's region. */
export function helpPlacesOf(actor: Actor): string[] {
  const grids = actor.roles.some((role) => (HELP_GRID_ROLES as readonly Role[]).includes(role)) ? actor.gridCodes : [];
  const centre = actor.centre && actor.roles.includes('centre') ? [actor.centre.regionCode] : [];
  return [...grids, ...centre];
}

/** What a person asks of a call. */
export type HelpAction =
  | { readonly type: 'acknowledge'; readonly note?: string }
  | { readonly type: 'close'; readonly note: string }
  | { readonly type: 'cancel'; readonly note?: string };

export type HelpErrorCode = 'HELP.NOT_FOUND' | 'HELP.ALREADY_ANSWERED' | 'HELP.ENDED' | 'HELP.NOTE_REQUIRED';

export type HelpOutcome =
  { readonly ok: true; readonly call: HelpCall; readonly event: HelpEvent } | { readonly ok: false; readonly code: HelpErrorCode };

/** The person acting, as the call keeps them. */
export type HelpActor = { readonly actor: Actor; readonly name: string; readonly role: Role; readonly phone?: string };

/**
 * Applies a person's action: 收到 (acknowledge: raised → acknowledged, by one who answers it; a second
 * answer is told who answered first), 已处置 (close: raised or acknowledged → closed, with a note, by one
 * who answers it, never its requester) and 取消求助 (cancel: raised or acknowledged → cancelled, by the
 * requester alone). Someone with no part in the call finds none (HELP.NOT_FOUND); an ended call takes no
 * action (HELP.ENDED).
 */
export function applyHelpAction(call: HelpCall, action: HelpAction, by: HelpActor, now: number): HelpOutcome {
  const isRequester = by.actor.id === call.requesterId;
  // A 网格员 in trouble in her own grid is helped, not asked to answer herself.
  const answers = !isRequester && mayAnswerHelp(by.actor, call);
  if (action.type === 'cancel' ? !isRequester : !answers) return { ok: false, code: 'HELP.NOT_FOUND' };
  if (!isOpenHelp(call.status)) return { ok: false, code: 'HELP.ENDED' };
  if (action.type === 'acknowledge' && call.status !== 'raised') return { ok: false, code: 'HELP.ALREADY_ANSWERED' };
  if (action.type === 'close' && !hasText(action.note)) return { ok: false, code: 'HELP.NOTE_REQUIRED' };
  const status: HelpStatus = action.type === 'acknowledge' ? 'acknowledged' : action.type === 'close' ? 'closed' : 'cancelled';
  const type: HelpEventType = action.type === 'acknowledge' ? 'acknowledged' : action.type === 'close' ? 'closed' : 'cancelled';
  const note = action.note?.trim();
  const event: HelpEvent = {
    seq: call.events.length + 1,
    type,
    at: now,
    status,
    level: call.level,
    actorId: by.actor.id,
    actorName: by.name,
    actorRole: by.role,
    ...(note && { note }),
  };
  const responder: HelpResponder | undefined =
    action.type === 'acknowledge'
      ? { personId: by.actor.id, name: by.name, role: by.role, ...(by.phone !== undefined && { phone: by.phone }) }
      : call.responder;
  const { ackDueAt: _answered, responder: _before, ...rest } = call;
  return { ok: true, event, call: { ...rest, status, ...(responder && { responder }), events: [...call.events, event] } };
}

/** The role a person answers a call in, named to the resident: their grid role at its grid, else their centre's. */
export function answeringRoleOf(actor: Actor, call: Pick<HelpCall, 'placeLevel' | 'placeCode'>): Role | undefined {
  const atGrid = call.placeLevel === 'grid' && actor.gridCodes.includes(call.placeCode);
  const gridRole = atGrid ? HELP_GRID_ROLES.find((role) => actor.roles.includes(role)) : undefined;
  return gridRole ?? (actor.centre && actor.roles.includes('centre') ? 'centre' : undefined);
}
