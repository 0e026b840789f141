import {
  applicationListKey,
  informantGrant,
  informantRevocation,
  type InformantApplication,
  type InformantMessage,
  volunteerApplicationId,
  type VolunteerApplication,
} from '@pingan/shared';
import { MESSAGES } from '../notifications/messages.repository';
import type { Page, PageRead } from '../platform/page-cursor';
import { readKeysetPage } from '../platform/page-cursor';
import { db, inTransaction, listOf, oneOf } from '../platform/sdk';
import { saveVersioned } from '../platform/versioned-save';
import { USERS } from '../users/users.repository';
import type { UserDoc } from '../users/user-document';

const APPLICATIONS = 'informantApplications';
/** 网格报到 applications, read on a removal: a grid the person volunteers in stays in their `gridCodes`. */
const VOLUNTEER_APPLICATIONS = 'volunteerApplications';

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

const OPTIONAL_FIELDS = ['decidedAt', 'decidedBy', 'reason', 'gridAdded'] as const;

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
 * gets the role and the grid (informantGrant on the record read inside, `gridAdded` kept on the
 * application); on removal they lose them (informantRevocation: the grid stays if approval did not add it
 * or they volunteer there); the application saved; the applicant's message written. All or nothing.
 * Answers the application as saved, or undefined when it changed meanwhile.
 */
export async function decideInTransaction(
  before: InformantApplicationDoc,
  decided: InformantApplication,
  messageOf: MessageOf,
): Promise<InformantApplication | undefined> {
  const volunteerId = volunteerApplicationId(decided.gridCode, decided.personId);
  return inTransaction(async (tx) => {
    const [storedRead, personRead, volunteerRead] = await Promise.all([
      tx.collection(APPLICATIONS).doc(before._id).get(),
      decided.status === 'refused' ? undefined : tx.collection(USERS).doc(decided.personId).get(),
      decided.status === 'removed' ? tx.collection(VOLUNTEER_APPLICATIONS).doc(volunteerId).get() : undefined,
    ]);
    const stored = storedRead.data as InformantApplicationDoc | null;
    if (!stored || stored.version !== before.version) return undefined;
    const person = personRead?.data as UserDoc | null | undefined;
    if (personRead && !person) throw new Error(`users/${decided.personId}: an application without its person`);
    let saved = decided;
    const writes: Array<Promise<unknown>> = [];
    if (person && decided.status === 'approved') {
      const { gridAdded, ...record } = informantGrant(person, decided.gridCode);
      saved = { ...decided, gridAdded };
      writes.push(tx.collection(USERS).doc(person._id).update({ data: record }));
    } else if (person && decided.status === 'removed') {
      const volunteer = volunteerRead?.data as VolunteerApplication | null | undefined;
      const keepGrid = decided.gridAdded !== true || volunteer?.status === 'approved';
      writes.push(
        tx
          .collection(USERS)
          .doc(person._id)
          .update({ data: informantRevocation(person, decided.gridCode, keepGrid) }),
      );
    }
    const version = before.version + 1;
    const { id: _id, ...fields } = saved;
    const message = messageOf(saved, version);
    writes.push(
      tx
        .collection(APPLICATIONS)
        .doc(before._id)
        .set({ data: { ...fields, openid: before.openid, listKey: applicationListKey(saved), version } }),
    );
    if (message) {
      const { _id: messageId, ...messageFields } = message;
      writes.push(tx.collection(MESSAGES).doc(messageId).set({ data: messageFields }));
    }
    await Promise.all(writes);
    return saved;
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
