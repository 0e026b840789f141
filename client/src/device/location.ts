import Taro from '@tarojs/taro'

import { wgs84ToGcj02 } from './wgs84-to-gcj02'

// Where the user is, or where they point on a map, always as GCJ-02 `[lng, lat]` rounded to the
// 6 decimals the grid data uses.

export type PickedLocation = {
  lngLat: [number, number]
  /** What to show: a place name from the map, or a description of how it was found. */
  label: string
  source: 'device' | 'map'
  /** The grid it lies in, by name (城关社区第3网格), where the client can tell (place-name.ts). */
  place?: string
  /** The street address the map gave with the point (WeChat's chooseLocation), if any. */
  address?: string
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

function rounded(lng: number, lat: number): [number, number] {
  return [round6(lng), round6(lat)]
}

/** The device's position. WeChat answers in GCJ-02 when asked; a browser only knows WGS-84. */
export async function deviceLocation(): Promise<PickedLocation> {
  if (process.env.TARO_ENV === 'h5') {
    const res = await Taro.getLocation({ type: 'wgs84' })
    const [lng, lat] = wgs84ToGcj02(res.longitude, res.latitude)
    return { lngLat: rounded(lng, lat), label: '我现在的位置', source: 'device' }
  }
  const res = await Taro.getLocation({ type: 'gcj02' })
  return { lngLat: rounded(res.longitude, res.latitude), label: '我现在的位置', source: 'device' }
}

/**
 * Tencent's map picker (mini-program only; it answers in GCJ-02). The browser build opens its own
 * picker page over the grid polygons instead (local/pages/map-picker), which writes into the draft.
 */
export async function chooseOnMap(): Promise<PickedLocation | undefined> {
  try {
    const res = await Taro.chooseLocation({})
    const address = res.address && res.address !== res.name ? res.address : undefined
    return {
      lngLat: rounded(res.longitude, res.latitude),
      label: res.name || res.address || '地图上选的位置',
      source: 'map',
      ...(address && { address }),
    }
  } catch {
    return undefined // cancelled
  }
}

/**
 * The device's position if it comes within `ms`, else none: a call for help waits for no GPS fix, and a
 * refused permission or a phone without one sends the call without a location.
 */
export function deviceLocationWithin(ms: number): Promise<PickedLocation | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms)
    deviceLocation().then(
      (location) => {
        clearTimeout(timer)
        resolve(location)
      },
      () => {
        clearTimeout(timer)
        resolve(undefined)
      },
    )
  })
}
