import type { Polygon } from '@pingan/shared/geo'
import { polygonPointRelation } from '@pingan/shared/geo'
import { asLngLat } from '@pingan/shared/geo'
import { landmarksFileSchema, type Landmark } from '@pingan/shared/config'

// The browser build's copy of the county's grid polygons (copied from data/demo-county at build time,
// config/index.ts), for its map picker and the QR code page. The mini-program never loads it: there
// Tencent's map picks the point and the cloud routes it.

export type GridShape = {
  code: string
  name: string
  level: string
  parentCode: string | null
  /** Outer ring and holes, GCJ-02 `[lng, lat]`. */
  rings: [number, number][][]
}

type Feature = {
  properties: { level: string; code: string; name: string; parentCode: string | null }
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }
}

export const REGIONS_URL = './local/regions.geojson'
export const LANDMARKS_URL = './local/landmarks.json'

/** Every region of the county as shapes (a MultiPolygon's parts become separate shapes with one code). */
export function shapesOf(features: Feature[]): GridShape[] {
  return features.flatMap((f) => {
    const { code, name, level, parentCode } = f.properties
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : (f.geometry.coordinates as unknown[])
    return (polygons as [number, number][][][]).map((rings) => ({ code, name, level, parentCode, rings }))
  })
}

/** Loads the county's regions from the browser build's static copy. */
export async function loadRegionShapes(): Promise<GridShape[]> {
  const res = await fetch(REGIONS_URL)
  if (!res.ok) throw new Error(`regions: HTTP ${res.status}`)
  const body = (await res.json()) as { features: Feature[] }
  return shapesOf(body.features)
}

/** Loads the landmarks drawn on the map picker (县政府, 学校, 市场…), checked with the county data's own schema. */
export async function loadLandmarks(): Promise<Landmark[]> {
  const res = await fetch(LANDMARKS_URL)
  if (!res.ok) throw new Error(`landmarks: HTTP ${res.status}`)
  return landmarksFileSchema.parse(await res.json()).landmarks
}

/** A place by name: its grid (whose name says its community, 城关社区第3网格) and the street it is in. */
export type PlaceName = { gridCode: string; gridName: string; communityName?: string; streetName?: string }

/** The grid holding the point, named with its community and street; none outside every grid. */
export function placeNameAt(shapes: readonly GridShape[], point: [number, number]): PlaceName | undefined {
  const grid = gridAt(shapes, point)
  if (!grid) return undefined
  const community = shapes.find((s) => s.code === grid.parentCode)
  const street = community ? shapes.find((s) => s.code === community.parentCode) : undefined
  return { gridCode: grid.code, gridName: grid.name, communityName: community?.name, streetName: street?.name }
}

/** The grid whose polygon holds the point (inside or on its edge), if any. */
export function gridAt(shapes: readonly GridShape[], point: [number, number]): GridShape | undefined {
  const at = asLngLat(point)
  return shapes.find((shape) => {
    if (shape.level !== 'grid') return false
    const polygon = shape.rings.map((ring) => ring.map(asLngLat)) as Polygon
    return polygonPointRelation(polygon, at) !== 'outside'
  })
}
