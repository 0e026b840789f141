import { OPEN_HELP_CALLS_MAX, OPEN_HELP_STATUSES, type HelpEvent } from '@pingan/shared';
import { db, listOf, oneOf, updatedCount } from '../platform/sdk';
import type { HelpCallDoc } from './help-document';

export const HELP_CALLS = 'helpCalls';

export function findHelpCall(id: string): Promise<HelpCallDoc | undefined> {
  return oneOf<HelpCallDoc>(db().collection(HELP_CALLS).doc(id).get());
}

/**
 * Saves a change as one update conditional on the version read: of two changes racing from the same state
 * (two staff pressing 收到, a 收到 and the sweep escalating, a cancel and a 收到), the first to write wins
 * and the other changes nothing (false), to be decided again on what the winner wrote. The change's event
 * leaves the owed-messages mark in the same write.
 */
export async function saveHelpChange(before: HelpCallDoc, after: HelpCallDoc, event: HelpEvent): Promise<boolean> {
  const _ = db().command;
  const fields = ['status', 'level', 'alertedCodes', 'ackDueAt', 'responder'] as const;
  const changed = Object.fromEntries(
    fields
      .filter((field) => after[field] !== before[field])
      .map((field) => [field, after[field] === undefined ? _.remove() : after[field]]),
  );
  const data = { ...changed, events: _.push([event]), version: _.inc(1), notifyFrom: _.min(event.seq), notifyDueAt: _.min(event.at) };
  const updated = await updatedCount(db().collection(HELP_CALLS).where({ _id: before._id, version: before.version }).update({ data }));
  return updated === 1;
}

/** Ends a call at the top with nobody answering: its deadline removed, so the sweep stops picking it (it stays on top). */
export async function endHelpDeadline(before: HelpCallDoc): Promise<boolean> {
  const _ = db().command;
  const updated = await updatedCount(
    db()
      .collection(HELP_CALLS)
      .where({ _id: before._id, version: before.version })
      .update({ data: { ackDueAt: _.remove(), version: _.inc(1) } }),
  );
  return updated === 1;
}

/**
 * The open calls of these places, unanswered first, each part the oldest first, at most
 * OPEN_HELP_CALLS_MAX: one query per status at once (alerted_status_time), each ordered and cut on the
 * index, so however many calls are open the unanswered ones are never the ones left out.
 */
export async function openCallsOf(places: readonly string[]): Promise<HelpCallDoc[]> {
  if (places.length === 0) return [];
  const _ = db().command;
  const open = (status: (typeof OPEN_HELP_STATUSES)[number]) =>
    listOf<HelpCallDoc>(
      db()
        .collection(HELP_CALLS)
        .where({ alertedCodes: _.in([...new Set(places)]), status })
        .orderBy('raisedAt', 'asc')
        .limit(OPEN_HELP_CALLS_MAX)
        .get(),
    );
  const parts = await Promise.all(OPEN_HELP_STATUSES.map(open));
  return parts.flat().slice(0, OPEN_HELP_CALLS_MAX);
}

/** A person's latest calls, newest first (requester_time). */
export function recentCallsOf(openid: string, limit: number): Promise<HelpCallDoc[]> {
  return listOf<HelpCallDoc>(db().collection(HELP_CALLS).where({ requesterOpenid: openid }).orderBy('raisedAt', 'desc').limit(limit).get());
}

/** Raised calls whose time to acknowledge ran out (status_ack_due), oldest first, a page. */
export function callsDueForEscalation(now: number, limit: number): Promise<HelpCallDoc[]> {
  const _ = db().command;
  return listOf<HelpCallDoc>(
    db()
      .collection(HELP_CALLS)
      .where({ status: 'raised', ackDueAt: _.lte(now) })
      .orderBy('ackDueAt', 'asc')
      .limit(limit)
      .get(),
  );
}

/** Calls whose owed mark is older than `before` (notify_due): a crash's, oldest first. */
export function callsOwingMessages(before: number, limit: number): Promise<HelpCallDoc[]> {
  const _ = db().command;
  return listOf<HelpCallDoc>(
    db()
      .collection(HELP_CALLS)
      .where({ notifyDueAt: _.lt(before) })
      .orderBy('notifyDueAt', 'asc')
      .limit(limit)
      .get(),
  );
}

/** Clears the owed mark if the call is as it was read (a newer change delivers its own). */
export async function clearHelpMark(doc: HelpCallDoc): Promise<void> {
  const _ = db().command;
  await db()
    .collection(HELP_CALLS)
    .where({ _id: doc._id, version: doc.version })
    .update({ data: { notifyFrom: _.remove(), notifyDueAt: _.remove() } });
}
