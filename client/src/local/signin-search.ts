import type { SigninUser } from '../transport'

// Labels for users the sign-in file describes only by their role code.
export const ROLE_NAMES: Record<string, string> = {
  resident: '居民',
  informant: '兼职信息员',
  volunteer: '志愿者',
  gridWorker: '网格员',
  gridLeader: '网格长',
  centre: '综治中心',
  police: '网格警',
  doctor: '网格医',
}

/** The user's role in words: the demo's own label, or the role code's name. */
export function roleText(user: SigninUser): string {
  return ROLE_NAMES[user.label ?? ''] ?? user.label ?? ''
}

/**
 * Whether a demo user matches what was typed in the picker's search: every word (split on spaces) is in
 * their name, role or place (第3网格, 城关社区, 综治中心 …); nothing typed matches everyone.
 */
export function matchesSearch(user: SigninUser, typed: string): boolean {
  const haystack = [user.name ?? user.openid, roleText(user), user.label ?? '', user.place ?? ''].join(' ').toLowerCase()
  return typed
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word))
}
