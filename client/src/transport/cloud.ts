import Taro from '@tarojs/taro'

import { cloudEnv, localcloudUrl } from '../env'
import { CallError } from './call-error'

// The raw calls to the cloud, one branch per platform. `process.env.TARO_ENV` is replaced at build time,
// so each bundle keeps only its own branch (H5 must never touch Taro.cloud: there it is a stub that can
// resolve with no result).

/** Storage key of the local cloud's sign-in token (browser build only). */
export const LOCALCLOUD_TOKEN_KEY = 'localcloud.token'

let cloudReady = false

/** Initialises wx.cloud once (mini-program build only). */
export function ensureCloud(): void {
  if (cloudReady) return
  Taro.cloud.init({ env: cloudEnv, traceUser: true })
  cloudReady = true
}

/** The local cloud's address: the configured URL, or this page's own origin when it is empty. */
export function localcloudBase(): string {
  return localcloudUrl.replace(/\/+$/, '')
}

/** The local cloud's sign-in header, when a demo user is signed in (browser build only). */
export function bearer(): Record<string, string> {
  const token: unknown = Taro.getStorageSync(LOCALCLOUD_TOKEN_KEY)
  return typeof token === 'string' && token !== '' ? { authorization: `Bearer ${token}` } : {}
}

/** Fetches from the local cloud; HTTP trouble becomes a CallError with a code pages understand. */
export async function localcloudFetch(path: string, init: RequestInit): Promise<unknown> {
  let res: Response
  try {
    res = await fetch(`${localcloudBase()}${path}`, { ...init, headers: { ...bearer(), ...(init.headers as Record<string, string>) } })
  } catch (error) {
    throw new CallError('NETWORK', String(error))
  }
  return localcloudBody(res.status, res.status === 401 ? '' : await res.text(), path)
}

/** A local cloud answer's JSON body; trouble becomes a CallError (shared by fetch and the upload's XHR). */
export function localcloudBody(status: number, text: string, path: string): unknown {
  if (status === 401) throw new CallError('SIGNIN_REQUIRED', `HTTP 401 from ${path}`)
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    throw new CallError(status >= 500 ? 'INTERNAL.ERROR' : 'BAD_RESPONSE', `HTTP ${status} without JSON from ${path}`)
  }
  if (status < 200 || status >= 300)
    throw new CallError(status >= 500 ? 'INTERNAL.ERROR' : 'BAD_RESPONSE', `HTTP ${status} from ${path}: ${text.slice(0, 200)}`)
  return body
}

async function callWeappFunction(name: string, data: unknown): Promise<unknown> {
  ensureCloud()
  try {
    const res = await Taro.cloud.callFunction({ name, data: data as TaroGeneral.IAnyObject })
    return res.result
  } catch (error) {
    // wx.cloud rejects on network loss and on platform errors alike (errCode -404011 etc.).
    throw new CallError('NETWORK', String((error as { errMsg?: string }).errMsg ?? error))
  }
}

async function callLocalcloudFunction(name: string, data: unknown): Promise<unknown> {
  const body = await localcloudFetch(`/functions/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(data ?? {}),
  })
  return (body as { result?: unknown }).result
}

/** Calls cloud function `name` and resolves with whatever it returned (unchecked: see `call`). */
export function callFunction(name: string, data: unknown): Promise<unknown> {
  return process.env.TARO_ENV === 'h5' ? callLocalcloudFunction(name, data) : callWeappFunction(name, data)
}
