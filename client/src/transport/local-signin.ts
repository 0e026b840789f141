import Taro from '@tarojs/taro'

import { CallError } from './call-error'
import { LOCALCLOUD_TOKEN_KEY, localcloudFetch } from './cloud'

// The browser build's stand-in for WeChat login: the local cloud lists who may sign in and hands out
// a token for the chosen one. Never used by the mini-program.

export type SigninUser = { openid: string; name?: string; label?: string; place?: string }

const SIGNED_IN_USER_KEY = 'localcloud.user'

/** The demo users the local cloud lets one sign in as. */
export async function listSigninUsers(): Promise<SigninUser[]> {
  const body = (await localcloudFetch('/auth/users', { method: 'GET' })) as { users?: SigninUser[] }
  if (!Array.isArray(body.users)) throw new CallError('BAD_RESPONSE', '/auth/users without users')
  return body.users
}

/** Signs in as `openid` and keeps the token for every later call. */
export async function signIn(openid: string): Promise<SigninUser> {
  const body = (await localcloudFetch('/auth/signin', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  })) as { token?: unknown; user?: SigninUser }
  if (typeof body.token !== 'string' || !body.user) throw new CallError('BAD_RESPONSE', '/auth/signin without a token')
  Taro.setStorageSync(LOCALCLOUD_TOKEN_KEY, body.token)
  Taro.setStorageSync(SIGNED_IN_USER_KEY, body.user)
  return body.user
}

/** Forgets the sign-in. */
export function signOut(): void {
  Taro.removeStorageSync(LOCALCLOUD_TOKEN_KEY)
  Taro.removeStorageSync(SIGNED_IN_USER_KEY)
}

/** Who is signed in, as the last sign-in said. */
export function signedInUser(): SigninUser | undefined {
  const user: unknown = Taro.getStorageSync(SIGNED_IN_USER_KEY)
  return user && typeof user === 'object' && typeof (user as SigninUser).openid === 'string' ? (user as SigninUser) : undefined
}
