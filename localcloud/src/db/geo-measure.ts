/**
 * The geometric predicates and distances behind the geo operators, on turf.
 *
 * Distances are great-circle distances in metres on a sphere of radius 6,378,100 m, the radius MongoDB
 * (and so CloudBase) uses for `$nearSphere`, `$geoNear` and `$centerSphere`; turf's own default
 * (6,371,008.8 m) would give distances about 0.1% shorter than the real cloud's.
 * Containment and intersection are planar in longitude/latitude (turf), where MongoDB follows geodesic
 * edges; the two differ by micrometres on a city block and only matter for shapes many degrees wide.
 */
import { booleanIntersects } from '@turf/boolean-intersects';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { booleanWithin } from '@turf/boolean-within';
import { distance as turfDistance } from '@turf/distance';
import { pointToLineDistance } from '@turf/point-to-line-distance';
import {
  boundingBoxesOverlap,
  boundingBoxOf,
  positionsOf,
  type Geometry,
  type LngLat,
  type MultiPolygonGeometry,
  type Ring,
  type RegionGeometry,
} from './geo-geometry';

/** MongoDB's radius of the earth for spherical geo queries, in metres. */
export const EARTH_RADIUS_METRES = 6_378_100;

/** Great-circle distance between two positions, in metres. */
export function metresBetween(a: LngLat, b: LngLat): number {
  return turfDistance(a, b, { units: 'radians' }) * EARTH_RADIUS_METRES;
}

function metresToLine(from: LngLat, line: LngLat[]): number {
  if (line.length === 1) return metresBetween(from, line[0] as LngLat);
  return pointToLineDistance(from, { type: 'LineString', coordinates: line }, { units: 'radians' }) * EARTH_RADIUS_METRES;
}

/** Distance to a polygon: zero inside it or on its boundary, else to the nearest ring (a hole's, if in one). */
function metresToPolygon(from: LngLat, rings: Ring[]): number {
  if (booleanPointInPolygon(from, { type: 'Polygon', coordinates: rings })) return 0;
  return Math.min(...rings.map((ring) => metresToLine(from, ring)));
}

/**
 * Distance in metres from a point to the nearest point of a geometry, as `$nearSphere` and `$geoNear`
 * measure it: zero when the point lies inside a polygon.
 */
export function metresToGeometry(from: LngLat, geometry: Geometry): number {
  switch (geometry.type) {
    case 'Point':
      return metresBetween(from, geometry.coordinates);
    case 'MultiPoint':
      return Math.min(...geometry.coordinates.map((position) => metresBetween(from, position)));
    case 'LineString':
      return metresToLine(from, geometry.coordinates);
    case 'MultiLineString':
      return Math.min(...geometry.coordinates.map((line) => metresToLine(from, line)));
    case 'Polygon':
      return metresToPolygon(from, geometry.coordinates);
    case 'MultiPolygon':
      return Math.min(...geometry.coordinates.map((rings) => metresToPolygon(from, rings)));
  }
}

/** Whether two geometries share at least one point, boundaries included (`$geoIntersects`). */
export function geometriesIntersect(a: Geometry, b: Geometry): boolean {
  // The box test rejects most documents of a collection before turf walks their edges.
  if (!boundingBoxesOverlap(boundingBoxOf(a), boundingBoxOf(b))) return false;
  if (a.type === 'Point' && isRegion(b)) return booleanPointInPolygon(a.coordinates, b);
  if (b.type === 'Point' && isRegion(a)) return booleanPointInPolygon(b.coordinates, a);
  return booleanIntersects(a, b);
}

function isRegion(geometry: Geometry): geometry is RegionGeometry {
  return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
}

function asMultiPolygon(region: RegionGeometry): MultiPolygonGeometry {
  return region.type === 'MultiPolygon' ? region : { type: 'MultiPolygon', coordinates: [region.coordinates] };
}

/**
 * Whether a geometry lies entirely inside a polygon or multipolygon (`$geoWithin: { $geometry }`).
 * Points on the boundary count as inside, as MongoDB counts them; lines and polygons must not leave
 * the region and must not lie wholly on its boundary (turf's `booleanWithin`).
 */
export function geometryWithinRegion(geometry: Geometry, region: RegionGeometry): boolean {
  if (geometry.type === 'Point') return booleanPointInPolygon(geometry.coordinates, region);
  if (geometry.type === 'MultiPoint') {
    return geometry.coordinates.every((position) => booleanPointInPolygon(position, region));
  }
  // turf's MultiPolygon container accepts every geometry type; its Polygon container does not.
  return booleanWithin(geometry, asMultiPolygon(region));
}

/**
 * Whether a geometry lies inside a spherical cap (`$geoWithin: { $centerSphere: [[lng, lat], radians] }`).
 * A cap smaller than a hemisphere is convex on the sphere, so every vertex inside means every edge inside.
 */
export function geometryWithinCap(geometry: Geometry, centre: LngLat, radiusMetres: number): boolean {
  return positionsOf(geometry).every((position) => metresBetween(centre, position) <= radiusMetres);
}
