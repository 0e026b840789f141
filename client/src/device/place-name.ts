import { loadRegionShapes, placeNameAt, type GridShape, type PlaceName } from '../local/lib/grid-map-data'

// A point by name — the grid it lies in, whose name says its community (城关社区第3网格) — for what a resident
// reads instead of longitude and latitude. The browser build has the county's polygons as a static file (its
// map picker draws them); the mini-program does not carry them, and names the place once the report is routed
// (上报成功's 已分派到, the report's 位置).

let shapes: Promise<GridShape[]> | undefined

/** How a place reads: the grid's own name when it already says its community, else both. */
export function placeText(place: PlaceName): string {
  const { gridName, communityName } = place
  return communityName && !gridName.startsWith(communityName) ? `${communityName}${gridName}` : gridName
}

/** The name of the grid holding the point, or none (outside every grid, the mini-program, or no data). */
export async function placeNameOf(point: [number, number]): Promise<string | undefined> {
  if (process.env.TARO_ENV !== 'h5') return undefined
  try {
    shapes ??= loadRegionShapes()
    const place = placeNameAt(await shapes, point)
    return place && placeText(place)
  } catch {
    shapes = undefined
    return undefined
  }
}
