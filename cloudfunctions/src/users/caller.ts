import type { Actor } from '@pingan/shared';
import type { Caller } from '../platform/define-function';
import { actorOf, type UserDoc } from './user-document';
import { findUserByOpenid } from './users.repository';

/** The caller as both their stored record (name, _id) and the domain's Actor (roles, places served). */
export type KnownCaller = { readonly user: UserDoc; readonly actor: Actor };

/**
 * The caller's record and Actor, or undefined for someone without a record (they never called `me`).
 * Nobody is created here: reading and deciding make nobody a user; `me`, `joinGrid` and `submitReport`
 * do (ensureUser).
 */
export async function findCaller(caller: Caller): Promise<KnownCaller | undefined> {
  const user = await findUserByOpenid(caller.openid);
  return user && { user, actor: actorOf(user) };
}
