/**
 * Geo queries for the local database, on mingo 7.
 *
 * HOW TO USE (database module):
 * mingo 7 has no global operator registry: custom operators travel in a `Context` passed in the options
 * of every `Query`, `find`, `Aggregator` and `aggregate` (mingo merges it with its built-in operators).
 *
 *   import { Query, Aggregator } from 'mingo';
 *   import { withGeoOperators, sortByNearSphere } from './geo';
 *   const mingoOptions = withGeoOperators({ idKey: '_id' });          // once; reuse for every call
 *   let docs = all.filter((d) => new Query(where, mingoOptions).test(d)); // filters: $geoIntersects, …
 *   docs = sortByNearSphere(docs, where);   // nearest first iff `where` holds $nearSphere, else unchanged
 *   // …then the request's explicit `order` (a stable sort, so it overrides distance as in MongoDB),
 *   // then offset and limit.
 *   new Aggregator(stages, mingoOptions).run(docs);                   // $geoNear stage; $match with geo
 *
 * Supported, on fields holding GeoJSON (Point, MultiPoint, LineString, MultiLineString, Polygon,
 * MultiPolygon: what db.Geo.* serialise to) or legacy `[lng, lat]` pairs, and arrays of them:
 * - `$geoIntersects: { $geometry }` with any of those six types, boundaries included (a point on a shared
 *   grid edge matches both grids);
 * - `$geoWithin: { $geometry: Polygon | MultiPolygon }` (holes respected, points on the boundary count as
 *   inside) and `$geoWithin: { $centerSphere: [[lng, lat], radians] }`;
 * - `$nearSphere` (and GeoJSON `$near`): `{ $geometry: Point, $maxDistance?, $minDistance? }` in metres,
 *   inclusive, distance to the nearest point of the field's geometry (0 inside a polygon);
 * - the `$geoNear` stage: near, distanceField, maxDistance, minDistance, query, key, distanceMultiplier,
 *   includeLocs (`spherical` is accepted and ignored: distances are always spherical).
 * Distances use MongoDB's earth radius, 6,378,100 m (see geo-measure.ts). Not supported: legacy
 * `$box`/`$polygon`/`$center`/`$maxDistance`-as-sibling forms, GeometryCollection, big polygons (custom
 * CRS), and geo indexes (every geo query scans the collection it is given). A malformed geo argument
 * throws CloudError INVALID_PARAM while the Query or Aggregator is built.
 */
import { Context, type Query } from 'mingo';
import { $geoNear } from './geo-near-stage';
import { $geoIntersects, $geoWithin, $near, $nearSphere } from './geo-query-operators';

export { findNearSphere, sortByNearSphere, type NearSphereQuery, type NearSpec } from './geo-near';
export { toGeometry, type Geometry, type LngLat } from './geo-geometry';
export { EARTH_RADIUS_METRES, metresBetween, metresToGeometry } from './geo-measure';

type MingoOptions = NonNullable<ConstructorParameters<typeof Query>[1]>;
type OperatorTable = NonNullable<Parameters<typeof Context.init>[0]>;

const GEO_OPERATORS: OperatorTable = {
  query: { $geoIntersects, $geoWithin, $nearSphere, $near },
  pipeline: { $geoNear },
};

/** The mingo Context holding the geo query operators and the `$geoNear` stage (mingo 7 has per-call contexts). */
export const geoOperatorsContext: Context = Context.init(GEO_OPERATORS);

/** mingo options with the geo operators added to whatever context `options` already carries. */
export function withGeoOperators(options: MingoOptions = {}): MingoOptions {
  const context = options.context ? Context.from(options.context, geoOperatorsContext) : geoOperatorsContext;
  return { ...options, context };
}
