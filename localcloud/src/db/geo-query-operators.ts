/**
 * mingo query operators for the geo filters the SDK's `db.command` writes:
 * `_.geoIntersects({ geometry })` → `$geoIntersects: { $geometry }`,
 * `_.geoWithin({ geometry | centerSphere })` → `$geoWithin: { $geometry | $centerSphere }`,
 * `_.geoNear({ geometry, maxDistance, minDistance })` → `$nearSphere: { $geometry, $maxDistance, $minDistance }`.
 * Each compiles its argument once and returns a predicate on documents; a malformed argument throws
 * CloudError INVALID_PARAM when the query is built.
 */
import { geometriesAt, toGeometry, type Geometry, type LngLat, type RegionGeometry } from './geo-geometry';
import { EARTH_RADIUS_METRES, geometriesIntersect, geometryWithinCap, geometryWithinRegion } from './geo-measure';
import { invalidGeoParam, isWithinBounds, metresToNearest, parseNearSphere, toNonNegativeNumber } from './geo-near';

type Doc = Record<string, unknown>;
type DocumentPredicate = (doc: Doc) => boolean;

/** Matches when any geometry the field holds satisfies the test (array fields match on any element). */
function anyGeometryAt(selector: string, test: (geometry: Geometry) => boolean): DocumentPredicate {
  return (doc) => geometriesAt(doc, selector).some(test);
}

function queryGeometry(spec: unknown, operator: string): Geometry {
  const $geometry = typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>).$geometry : undefined;
  const geometry = toGeometry($geometry);
  if (!geometry || Array.isArray($geometry)) throw invalidGeoParam(`${operator} needs { $geometry: <GeoJSON geometry> }`);
  return geometry;
}

/** `{ $geoIntersects: { $geometry } }`: the field's geometry and the query's share a point. */
export function $geoIntersects(selector: string, spec: unknown, _options: unknown): DocumentPredicate {
  const target = queryGeometry(spec, '$geoIntersects');
  return anyGeometryAt(selector, (geometry) => geometriesIntersect(geometry, target));
}

interface CapSpec {
  centre: LngLat;
  radiusMetres: number;
}

/** `$centerSphere: [[lng, lat], radiusInRadians]`; the SDK also accepts a db.Geo.Point for the centre. */
function parseCenterSphere(value: unknown): CapSpec {
  const fail = () => invalidGeoParam('$geoWithin.$centerSphere must be [[lng, lat], radius in radians]');
  if (!Array.isArray(value) || value.length !== 2) throw fail();
  const centre = toGeometry(value[0]);
  const radians = toNonNegativeNumber(value[1], '$geoWithin.$centerSphere radius');
  if (centre?.type !== 'Point' || radians === undefined) throw fail();
  return { centre: centre.coordinates, radiusMetres: radians * EARTH_RADIUS_METRES };
}

/**
 * `{ $geoWithin: { $geometry: Polygon | MultiPolygon } }` or `{ $geoWithin: { $centerSphere } }`:
 * the field's geometry lies entirely inside. The legacy `$box`, `$polygon` and `$center` are not supported.
 */
export function $geoWithin(selector: string, spec: unknown, _options: unknown): DocumentPredicate {
  if (typeof spec === 'object' && spec !== null && '$centerSphere' in spec) {
    const { centre, radiusMetres } = parseCenterSphere((spec as Record<string, unknown>).$centerSphere);
    return anyGeometryAt(selector, (geometry) => geometryWithinCap(geometry, centre, radiusMetres));
  }
  const region = queryGeometry(spec, '$geoWithin');
  if (region.type !== 'Polygon' && region.type !== 'MultiPolygon') {
    throw invalidGeoParam(`$geoWithin.$geometry must be a Polygon or MultiPolygon, not ${region.type}`);
  }
  const within: RegionGeometry = region;
  return anyGeometryAt(selector, (geometry) => geometryWithinRegion(geometry, within));
}

function nearPredicate(selector: string, spec: unknown, operator: string): DocumentPredicate {
  const near = parseNearSphere(spec, operator);
  return (doc) => {
    const metres = metresToNearest(near.point, geometriesAt(doc, selector));
    return metres !== undefined && isWithinBounds(metres, near);
  };
}

/**
 * `{ $nearSphere: { $geometry: Point, $maxDistance?, $minDistance? } }` as a filter: the field's nearest
 * geometry lies within the bounds. Ordering by distance is not a filter's job: see sortByNearSphere.
 */
export function $nearSphere(selector: string, spec: unknown, _options: unknown): DocumentPredicate {
  return nearPredicate(selector, spec, '$nearSphere');
}

/** `$near` with a GeoJSON `$geometry` means the same as `$nearSphere` on a 2dsphere field. */
export function $near(selector: string, spec: unknown, _options: unknown): DocumentPredicate {
  return nearPredicate(selector, spec, '$near');
}
