import Taro from '@tarojs/taro'

import { cloudEnv, localcloudUrl } from '../env'

// The only module that talks to the cloud. The mini-program calls WeChat's cloud functions; the
// browser build posts the same call to the local cloud's runner. `process.env.TARO_ENV` is replaced
// at build time, so each bundle keeps only its own branch (H5 must never touch Taro.cloud: there it
// is a stub that can resolve with no result).

/** Storage key of the local cloud's sign-in token (browser build only). */
export const LOCALCLOUD_TOKEN_KEY = 'localcloud.token'

let cloudReady = false

function ensureCloud(): void {
  if (cloudReady) return
  Taro.cloud.init({ env: cloudEnv, traceUser: true })
  cloudReady = true
}

async function callWeappFunction(name: string, data: unknown): Promise<unknown> {
  ensureCloud()
  const res = await Taro.cloud.callFunction({ name, data: data as TaroGeneral.IAnyObject })
  return res.result
}

async function callLocalcloudFunction(name: string, data: unknown): Promise<unknown> {
  const token: unknown = Taro.getStorageSync(LOCALCLOUD_TOKEN_KEY)
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (typeof token === 'string' && token !== '') headers.authorization = `Bearer ${token}`
  const res = await fetch(`${localcloudUrl}/functions/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(data ?? {}),
  })
  const text = await res.text()
  try {
    return JSON.parse(text) as unknown
  } catch {
    throw new Error(`local cloud: ${name} answered HTTP ${res.status} without JSON`)
  }
}

/**
 * Calls cloud function `name` with `data` and resolves with what the function returned (the
 * `{ ok, ... }` envelope). `T` is unchecked: callers parse the result with the call's contract.
 */
export function callFunction<T = unknown>(name: string, data: unknown): Promise<T> {
  const call = process.env.TARO_ENV === 'h5' ? callLocalcloudFunction : callWeappFunction
  return call(name, data) as Promise<T>
}

/** Keeps the local cloud's sign-in token for later calls (browser build only). */
export function setLocalcloudToken(token: string | null): void {
  if (token === null) Taro.removeStorageSync(LOCALCLOUD_TOKEN_KEY)
  else Taro.setStorageSync(LOCALCLOUD_TOKEN_KEY, token)
}
