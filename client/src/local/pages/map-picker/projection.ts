import type { GridShape } from '../../lib/grid-map-data'

/** Maps GCJ-02 `[lng, lat]` to SVG units and back: equirectangular, scaled by cos(latitude) at the centre. */
export type Projection = {
  width: number
  height: number
  toSvg: (point: [number, number]) => [number, number]
  toLngLat: (x: number, y: number) => [number, number]
}

/** A projection framing every shape, `width` SVG units wide. */
export function projectionFor(shapes: readonly GridShape[], width = 1000): Projection {
  let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity]
  for (const shape of shapes) {
    for (const [lng, lat] of shape.rings[0] ?? []) {
      minLng = Math.min(minLng, lng)
      maxLng = Math.max(maxLng, lng)
      minLat = Math.min(minLat, lat)
      maxLat = Math.max(maxLat, lat)
    }
  }
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const scale = width / ((maxLng - minLng) * kx)
  return {
    width,
    height: (maxLat - minLat) * scale,
    toSvg: ([lng, lat]) => [(lng - minLng) * kx * scale, (maxLat - lat) * scale],
    toLngLat: (x, y) => [minLng + x / (kx * scale), maxLat - y / scale],
  }
}
