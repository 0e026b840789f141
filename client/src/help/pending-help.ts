import Taro from '@tarojs/taro'

import { newIdempotencyKey } from '../report-draft/draft'

// The idempotency key of a call for help not yet answered, kept on the device: a retry after a lost reply,
// a closed app or a dead network sends it again under the same key, and the server answers with the one
// call it made. Forgotten once an answer arrives, and after an hour (a new emergency is a new call).

export const PENDING_HELP_KEY = 'help.pending'
const PENDING_MAX_AGE_MS = 60 * 60_000

type Pending = { key: string; at: number }

function read(now: number): Pending | undefined {
  const saved = Taro.getStorageSync(PENDING_HELP_KEY) as Pending | ''
  if (!saved || typeof saved.key !== 'string' || typeof saved.at !== 'number') return undefined
  return now - saved.at < PENDING_MAX_AGE_MS ? saved : undefined
}

/** The key of the press not yet answered, if any. */
export function pendingHelpKey(now: number): string | undefined {
  return read(now)?.key
}

/** The key to send under: the unanswered press's, or a new one saved before the call goes out. */
export function helpKeyToSend(now: number): string {
  const pending = read(now)
  if (pending) return pending.key
  const key = newIdempotencyKey(now)
  Taro.setStorageSync(PENDING_HELP_KEY, { key, at: now })
  return key
}

/** The server answered: the next press is a new call. */
export function forgetPendingHelp(): void {
  Taro.removeStorageSync(PENDING_HELP_KEY)
}
