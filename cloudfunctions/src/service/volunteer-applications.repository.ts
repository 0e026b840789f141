import { applicationListKey, volunteerGrant, type VolunteerApplication } from '@pingan/shared';
import type { Page, PageRead } from '../platform/page-cursor';
import { readKeysetPage } from '../platform/page-cursor';
import { db, inTransaction, listOf, oneOf } from '../platform/sdk';
import { saveVersioned } from '../platform/versioned-save';
import { USERS } from '../users/users.repository';
import type { UserDoc } from '../users/user-document';

const APPLICATIONS = 'volunteerApplications';

/**
 * A 网格报到 application as stored: the shared application (its `id` as `_id`) and the storage-only fields,
 * named once here: `version` (every change is conditional on it), the applicant's `openid` (my
 * applications), and `listKey` (the grid's list order: pending first, applicationListKey).
 */
export type ApplicationDoc = Omit<VolunteerApplication, 'id'> & {
  readonly _id: string;
  readonly version: number;
  readonly openid: string;
  readonly listKey: number;
};

const OPTIONAL_FIELDS = ['workUnit', 'decidedAt', 'decidedBy', 'reason'] as const;

/** The domain's application of a stored document. */
export function applicationOf(doc: ApplicationDoc): VolunteerApplication {
  const { _id, version: _version, openid: _openid, listKey: _listKey, ...application } = doc;
  return { ...application, id: _id };
}

export function findApplication(id: string): Promise<ApplicationDoc | undefined> {
  return oneOf<ApplicationDoc>(db().collection(APPLICATIONS).doc(id).get());
}

/**
 * Saves an application as the person's first to the grid (an insert: a racing first one collides on
 * `_id`) or as a change of the one read (an update conditional on its version). False: someone else
 * wrote first, and the caller decides again on what is stored.
 */
export function saveApplication(application: VolunteerApplication, openid: string, before: ApplicationDoc | undefined): Promise<boolean> {
  const { id, ...fields } = application;
  return saveVersioned(APPLICATIONS, id, { ...fields, openid, listKey: applicationListKey(application) }, before, OPTIONAL_FIELDS);
}

/**
 * Approval in one transaction: the application still at the version decided on, the person given the
 * volunteer role, the grid and the skills (volunteerGrant on the record read inside), and the application
 * approved; all of it or nothing. False: the application changed meanwhile.
 */
export async function approveApplication(before: ApplicationDoc, approved: VolunteerApplication): Promise<boolean> {
  return inTransaction(async (tx) => {
    const stored = (await tx.collection(APPLICATIONS).doc(before._id).get()).data as ApplicationDoc | null;
    if (!stored || stored.version !== before.version) return false;
    const person = (await tx.collection(USERS).doc(approved.personId).get()).data as UserDoc | null;
    if (!person) throw new Error(`users/${approved.personId}: an application without its person`);
    await tx
      .collection(USERS)
      .doc(person._id)
      .update({ data: volunteerGrant(person, approved) });
    const { id: _id, ...fields } = approved;
    await tx
      .collection(APPLICATIONS)
      .doc(before._id)
      .update({ data: { ...fields, listKey: applicationListKey(approved), version: before.version + 1 } });
    return true;
  });
}

/** A person's applications, the latest first (a person applies to a handful of grids; at most 50 read). */
export function applicationsOfPerson(personId: string): Promise<ApplicationDoc[]> {
  return listOf<ApplicationDoc>(db().collection(APPLICATIONS).where({ personId }).orderBy('appliedAt', 'desc').limit(50).get());
}

/** A grid's applications, pending first (the longest waiting first), then the latest decided: one page on `grid_list`. */
export function applicationsOfGrid(gridCode: string, page: PageRead): Promise<Page<ApplicationDoc>> {
  return readKeysetPage<ApplicationDoc>({ collection: APPLICATIONS, where: { gridCode }, orderBy: 'listKey', direction: 'desc' }, page);
}
