import { simplify } from '@turf/simplify';
import type { AreaGeometry, OwnerLevel, RegionShape } from '@pingan/shared';
import { geoJsonOf } from './grid-candidates.repository';
import { regionsWithBoundary, type RegionWithBoundary } from './regions.repository';

/** The level of a unit's children on a dashboard's map; a grid is drawn as itself. */
const CHILD_LEVEL: Record<OwnerLevel, OwnerLevel> = { county: 'street', street: 'community', community: 'grid', grid: 'grid' };

/**
 * A simplified outline keeps detail down to a thousandth of the map's extent: about a pixel on a desktop
 * map of the unit, so a real county's surveyed boundaries travel as a few kilobytes instead of megabytes.
 */
const TOLERANCE_SHARE = 1 / 1000;

/**
 * The child units of a place with their boundaries, in code order: one query on `level_parent` (a grid:
 * itself, by `_id`).
 */
export async function childrenWithBoundary(level: OwnerLevel, code: string): Promise<RegionWithBoundary[]> {
  const condition = level === 'grid' ? { _id: code } : { level: CHILD_LEVEL[level], parentCode: code };
  const rows = await regionsWithBoundary(condition);
  return rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The places as a map draws them: each outline a MultiPolygon, simplified by a share of their common extent. */
export function simplifiedShapes(places: readonly RegionWithBoundary[]): RegionShape[] {
  const geometries = places.map((place) => multiPolygonOf(geoJsonOf(place.boundary)));
  const tolerance = extentOf(geometries) * TOLERANCE_SHARE;
  return places.map((place, i) => ({
    code: place.code,
    name: place.name,
    polygons: simplify({ type: 'MultiPolygon', coordinates: geometries[i] ?? [] }, { tolerance, highQuality: true }).coordinates.map(
      (rings) => rings.map((ring) => ring.map(([lng, lat]) => [lng ?? 0, lat ?? 0] as [number, number])),
    ),
  }));
}

type Coordinates = [number, number][][][];

function multiPolygonOf(geometry: AreaGeometry): Coordinates {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return parts.map((rings) => rings.map((ring) => ring.map((p) => [p[0], p[1]] as [number, number])));
}

/** The larger side of the bounding box of every position, in degrees (0 for nothing). */
function extentOf(geometries: readonly Coordinates[]): number {
  const positions = geometries.flat(3);
  if (positions.length === 0) return 0;
  const lngs = positions.map((p) => p[0]);
  const lats = positions.map((p) => p[1]);
  return Math.max(Math.max(...lngs) - Math.min(...lngs), Math.max(...lats) - Math.min(...lats));
}
