import { applicationListKey, informantGrant, informantRevocation, type InformantApplication, type InformantMessage } from '@pingan/shared';
import { MESSAGES } from '../notifications/messages.repository';
import type { Page, PageRead } from '../platform/page-cursor';
import { readKeysetPage } from '../platform/page-cursor';
import { db, inTransaction, listOf, oneOf } from '../platform/sdk';
import { saveVersioned } from '../platform/versioned-save';
import { USERS } from '../users/users.repository';
import type { UserDoc } from '../users/user-document';

const APPLICATIONS = 'informantApplications';

/**
 * An informant application as stored: the shared application (its `id` as `_id`) and the storage-only
 * fields: `version` (every change is conditional on it), the applicant's `openid` (their messages), and
 * `listKey` (the grid's list order: pending first, applicationListKey).
 */
export type InformantApplicationDoc = Omit<InformantApplication, 'id'> & {
  readonly _id: string;
  readonly version: number;
  readonly openid: string;
  readonly listKey: number;
};

const OPTIONAL_FIELDS = ['decidedAt', 'decidedBy', 'reason'] as const;

/** The domain's application of a stored document. */
export function informantApplicationOf(doc: InformantApplicationDoc): InformantApplication {
  const { _id, version: _version, openid: _openid, listKey: _listKey, ...application } = doc;
  return { ...application, id: _id };
}

export function findInformantApplication(id: string): Promise<InformantApplicationDoc | undefined> {
  return oneOf<InformantApplicationDoc>(db().collection(APPLICATIONS).doc(id).get());
}

/** Saves an application (applying, or applying again): saveVersioned; false when someone else wrote first. */
export function saveInformantApplication(
  application: InformantApplication,
  openid: string,
  before: InformantApplicationDoc | undefined,
): Promise<boolean> {
  const { id, ...fields } = application;
  return saveVersioned(APPLICATIONS, id, { ...fields, openid, listKey: applicationListKey(application) }, before, OPTIONAL_FIELDS);
}

/** The message of a decided application at the version it is stored under (informantMessageFor with the grid's name). */
export type MessageOf = (decided: InformantApplication, version: number) => InformantMessage | undefined;

/**
 * A decision in one transaction: the application still at the version decided on; on approval the person
 * gets the role and the grid among their informant grids (informantGrant on the record read inside); on
 * removal the grid leaves them, and the role with the last (informantRevocation) — `gridCodes`, the grids
 * lived or volunteered in, is never touched; the application saved; the applicant's message written.
 * All or nothing.
 * Answers the application as saved, or undefined when it changed meanwhile.
 */
export async function decideInTransaction(
  before: InformantApplicationDoc,
  decided: InformantApplication,
  messageOf: MessageOf,
): Promise<InformantApplication | undefined> {
  return inTransaction(async (tx) => {
    const [storedRead, personRead] = await Promise.all([
      tx.collection(APPLICATIONS).doc(before._id).get(),
      decided.status === 'refused' ? undefined : tx.collection(USERS).doc(decided.personId).get(),
    ]);
    const stored = storedRead.data as InformantApplicationDoc | null;
    if (!stored || stored.version !== before.version) return undefined;
    const person = personRead?.data as UserDoc | null | undefined;
    if (personRead && !person) throw new Error(`users/${decided.personId}: an application without its person`);
    const writes: Array<Promise<unknown>> = [];
    if (person && (decided.status === 'approved' || decided.status === 'removed')) {
      const record =
        decided.status === 'approved' ? informantGrant(person, decided.gridCode) : informantRevocation(person, decided.gridCode);
      writes.push(tx.collection(USERS).doc(person._id).update({ data: record }));
    }
    const version = before.version + 1;
    const { id: _id, ...fields } = decided;
    const message = messageOf(decided, version);
    writes.push(
      tx
        .collection(APPLICATIONS)
        .doc(before._id)
        .set({ data: { ...fields, openid: before.openid, listKey: applicationListKey(decided), version } }),
    );
    if (message) {
      const { _id: messageId, ...messageFields } = message;
      writes.push(tx.collection(MESSAGES).doc(messageId).set({ data: messageFields }));
    }
    await Promise.all(writes);
    return decided;
  });
}

/** A person's informant applications, the latest first (a person applies to a handful of grids; at most 50 read). */
export function informantApplicationsOfPerson(personId: string): Promise<InformantApplicationDoc[]> {
  return listOf<InformantApplicationDoc>(db().collection(APPLICATIONS).where({ personId }).orderBy('appliedAt', 'desc').limit(50).get());
}

/** A grid's informant applications, pending first (the longest waiting first), then the latest decided: one page on `grid_list`. */
export function informantApplicationsOfGrid(gridCode: string, page: PageRead): Promise<Page<InformantApplicationDoc>> {
  return readKeysetPage<InformantApplicationDoc>(
    { collection: APPLICATIONS, where: { gridCode }, orderBy: 'listKey', direction: 'desc' },
    page,
  );
}
