import Taro from '@tarojs/taro'

/** A map showing a point (GCJ-02, as AMap reads it), for the browser build: opens in a new tab. */
export function mapUrlOf([lng, lat]: readonly [number, number], name: string): string {
  return `https://uri.amap.com/marker?position=${lng},${lat}&name=${encodeURIComponent(name)}&coordinate=gaode`
}

/** Shows a place on a map: WeChat's own map (GCJ-02) in the mini-program, AMap in a browser. */
export function showOnMap(lngLat: readonly [number, number], name: string, address?: string): void {
  if (process.env.TARO_ENV === 'h5') {
    window.open(mapUrlOf(lngLat, name), '_blank', 'noopener')
    return
  }
  Taro.openLocation({ longitude: lngLat[0], latitude: lngLat[1], name, address: address ?? '', scale: 17 }).catch(() => undefined)
}
