import Taro from '@tarojs/taro'

/** What a scanned code asks for: a grid's scene (`g=…`) or nothing we know. */
export type ScannedGrid = { scene: string } | undefined

function sceneFromQuery(query: string): string | undefined {
  for (const part of query.split('&')) {
    const [key, value] = part.split('=')
    if (key === 'scene' && value) return decodeURIComponentSafe(value)
  }
  return undefined
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/**
 * Reads the grid from a scan: a mini-program code gives a `path` with `?scene=`; a plain QR code of the
 * browser build's link (…#/pages/scan/index?scene=…) gives it as `result`.
 */
export function gridFromScan(res: { path?: string; result?: string }): ScannedGrid {
  for (const text of [res.path, res.result]) {
    const query = text?.split('?')[1]
    const scene = query ? sceneFromQuery(query) : undefined
    if (scene) return { scene }
  }
  return undefined
}

/** Opens the camera to scan a grid's code (mini-program only); undefined if cancelled or not ours. */
export async function scanGridCode(): Promise<ScannedGrid | 'not-ours'> {
  try {
    // `wxCode` (mini-program codes) is a valid scanType that Taro's typings lack.
    const scanType = ['wxCode', 'qrCode'] as unknown as (keyof Taro.scanCode.ScanType)[]
    const res = await Taro.scanCode({ scanType })
    return gridFromScan(res) ?? 'not-ours'
  } catch {
    return undefined
  }
}
