import {
  GRID_CODE_PATTERN,
  HELP_GRID_ROLES,
  helpMessageTargets,
  helpMessagesFor,
  helpTemplateValuesOf,
  type HelpRecipient,
} from '@pingan/shared';
import { insertMessage } from '../notifications/messages.repository';
import { NOTIFY_GRACE_MS } from '../notifications/notify-owed';
import { pushSubscribeMessage } from '../notifications/subscribe-push';
import { subscribeTemplates } from '../notifications/subscribe-templates.repository';
import { db, listOf } from '../platform/sdk';
import { USERS } from '../users/users.repository';
import { callsOwingMessages, clearHelpMark } from './help-calls.repository';
import { helpCallOf, type HelpCallDoc } from './help-document';

type StaffDoc = { readonly _id: string; readonly openid?: string; readonly gridCodes?: string[]; readonly regionCode?: string };

/**
 * Tells the people a help call's changes concern (help-messages.ts): each event from the call's owed mark
 * on. One wave reads the people (the places' staff: a grid's 网格长/网格员/网格警 on grids_roles, a centre's
 * staff on region_roles; the requester is on the call) and the templates (kept a minute), at once; the next
 * writes each message under `<callId>:<seq>:<personId>` (written twice, it is one); then the mark is cleared
 * if the call is as read, beside one WeChat subscribe message per message newly written where its kind has
 * a template and the recipient has a consent left (subscribe-push.ts).
 * Never fails the change: an error leaves the mark for clockSweep, which delivers it a minute later.
 */
export async function notifyHelpChange(doc: HelpCallDoc, now: number): Promise<number> {
  try {
    return await deliver(doc, now);
  } catch (error) {
    console.error(`[notifications] helpCalls/${doc._id}: delivery failed; the mark stays for the sweep`, error);
    return 0;
  }
}

async function deliver(doc: HelpCallDoc, now: number): Promise<number> {
  if (doc.notifyFrom === undefined) return 0;
  const call = helpCallOf(doc);
  const events = call.events.filter((event) => event.seq >= (doc.notifyFrom ?? Infinity));
  const targets = events.map((event) => ({ event, ...helpMessageTargets(call, event) }));
  const places = [...new Set(targets.flatMap((target) => target.places))];
  const wantsRequester = targets.some((target) => target.requester);
  const [staff, templates] = await Promise.all([staffOfPlaces(places), subscribeTemplates(now)]);
  const requester: HelpRecipient[] = wantsRequester ? [{ personId: doc.requesterId, openid: doc.requesterOpenid }] : [];
  const told = targets.flatMap(({ event, requester: toRequester, places: of }) =>
    helpMessagesFor(call, event, toRequester ? requester : of.flatMap((place) => staff.get(place) ?? [])).map((message) => ({
      message,
      values: helpTemplateValuesOf(message, call, event),
      page: toRequester ? `pages/help/index?id=${call.id}` : `staff/pages/help-call/index?id=${call.id}`,
    })),
  );
  const inserted = (await Promise.all(told.map(async (m) => ((await insertMessage(m.message)) === 'inserted' ? [m] : [])))).flat();
  const pushes = inserted.map((m) => pushSubscribeMessage(m.message, m.page, m.values, templates));
  await Promise.all([clearHelpMark(doc), ...pushes]);
  return inserted.length;
}

/** The people answering for each place: a grid's 网格长/网格员/网格警, a region's centre staff; two queries at once. */
async function staffOfPlaces(places: readonly string[]): Promise<Map<string, HelpRecipient[]>> {
  const _ = db().command;
  const grids = places.filter((code) => GRID_CODE_PATTERN.test(code));
  const regions = places.filter((code) => !GRID_CODE_PATTERN.test(code));
  const fields = { _id: true, openid: true, gridCodes: true, regionCode: true };
  const query = (where: object, asked: readonly string[]) =>
    asked.length === 0 ? Promise.resolve([]) : listOf<StaffDoc>(db().collection(USERS).where(where).field(fields).limit(1000).get());
  const [gridStaff, centreStaff] = await Promise.all([
    query({ gridCodes: _.in(grids), roles: _.in([...HELP_GRID_ROLES]) }, grids),
    query({ regionCode: _.in(regions), roles: 'centre' }, regions),
  ]);
  const found = new Map<string, HelpRecipient[]>();
  const add = (place: string, doc: StaffDoc) => {
    if (doc.openid) found.set(place, [...(found.get(place) ?? []), { personId: doc._id, openid: doc.openid }]);
  };
  for (const doc of gridStaff) for (const grid of doc.gridCodes ?? []) if (grids.includes(grid)) add(grid, doc);
  for (const doc of centreStaff) if (doc.regionCode) add(doc.regionCode, doc);
  return found;
}

/** Delivers the messages of calls a crash left owed (older than the grace period), a page; answers how many. */
export async function sweepOwedHelp(now: number, batch: number): Promise<number> {
  const stale = await callsOwingMessages(now - NOTIFY_GRACE_MS, batch);
  const delivered = await Promise.allSettled(stale.map((doc) => deliver(doc, now)));
  for (const [i, outcome] of delivered.entries()) {
    if (outcome.status === 'rejected')
      console.error(`[notifications] helpCalls/${stale[i]?._id}: the sweep's delivery failed`, outcome.reason);
  }
  return delivered.filter((outcome) => outcome.status === 'fulfilled').length;
}
