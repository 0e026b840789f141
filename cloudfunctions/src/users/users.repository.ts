import { createHash } from 'node:crypto';
import type { Role } from '@pingan/shared';
import { db, inTransaction, isDuplicateKey, listOf, oneOf } from '../platform/sdk';
import type { UserDoc } from './user-document';

export const USERS = 'users';
const GRID_JOINS = 'gridJoins';

/** The name a resident has until they set one. */
const NEW_RESIDENT_NAME = '微信用户';

/** The person with this openid, if any. */
export async function findUserByOpenid(openid: string): Promise<UserDoc | undefined> {
  const [user] = await listOf<UserDoc>(db().collection(USERS).where({ openid }).limit(1).get());
  return user;
}

export async function findUserById(id: string): Promise<UserDoc | undefined> {
  return oneOf<UserDoc>(db().collection(USERS).doc(id).get());
}

/**
 * The caller's person record, created as a plain resident on their first call. The new record's id is
 * derived from the openid, so two first calls at once create one record: the second insert collides.
 */
export async function ensureUser(openid: string, now: number): Promise<UserDoc> {
  const existing = await findUserByOpenid(openid);
  if (existing) return existing;
  const user: UserDoc = { _id: residentIdFor(openid), openid, name: NEW_RESIDENT_NAME, roles: ['resident'], gridCodes: [], createdAt: now };
  try {
    await db().collection(USERS).add({ data: user });
    return user;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const created = await findUserByOpenid(openid);
    if (!created) throw error;
    return created;
  }
}

/** `u-` and 20 hex digits of the openid's SHA-256: stable, and no openid shows in report or ledger ids. */
export function residentIdFor(openid: string): string {
  return `u-${createHash('sha256').update(openid).digest('hex').slice(0, 20)}`;
}

/** The people holding one of `roles` in a grid (a grid's published staff are a handful). */
export async function usersServingGrid(gridCode: string, roles: readonly Role[]): Promise<UserDoc[]> {
  const _ = db().command;
  return listOf<UserDoc>(
    db()
      .collection(USERS)
      .where({ gridCodes: gridCode, roles: _.in([...roles]) })
      .field({ _id: true, name: true, phone: true, roles: true })
      .limit(100)
      .get(),
  );
}

/** What a timeline names a person by: name and the roles (a centre's level, a department) they act in. */
export type PersonName = Pick<UserDoc, '_id' | 'name' | 'roles' | 'level' | 'department'>;

/** The people with these ids, in one query (a case's actors are a handful; at most 1000 are read). */
export async function personNames(ids: readonly string[]): Promise<PersonName[]> {
  const unique = [...new Set(ids)].slice(0, 1000);
  if (unique.length === 0) return [];
  const _ = db().command;
  return listOf<PersonName>(
    db()
      .collection(USERS)
      .where({ _id: _.in(unique) })
      .field({ _id: true, name: true, roles: true, level: true, department: true })
      .limit(unique.length)
      .get(),
  );
}

export type GridJoin = { readonly gridCode: string; readonly source: 'code' | 'scene'; readonly at: number };

/** Makes the grid the person's joined grid and keeps the scan, both or neither. */
export async function recordGridJoin(user: UserDoc, join: GridJoin): Promise<void> {
  await inTransaction(async (tx) => {
    await tx
      .collection(USERS)
      .doc(user._id)
      .update({ data: { joinedGridCode: join.gridCode, joinedAt: join.at } });
    await tx.collection(GRID_JOINS).add({ data: { userId: user._id, openid: user.openid, ...join } });
  });
}
