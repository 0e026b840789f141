/**
 * The `$geoNear` aggregation stage, as `db.collection(c).aggregate().geoNear({...})` sends it:
 * `{ near: Point, distanceField, maxDistance?, minDistance?, query?, key?, spherical?, distanceMultiplier?,
 * includeLocs? }`, distances in metres. It keeps the documents matching `query` whose nearest geometry
 * lies within the bounds, adds the distance (and the location used), and orders them nearest first.
 */
import { Aggregator, Query } from 'mingo';
import { geometriesAt, geometriesOf, type Geometry, type LngLat } from './geo-geometry';
import { metresToGeometry } from './geo-measure';
import { invalidGeoParam, isWithinBounds, toNonNegativeNumber, toNearPoint, type NearSpec } from './geo-near';

// This repo resolves modules the node10 way, which cannot see mingo's subpath exports (mingo/lazy,
// mingo/types): its types are taken from the main entry instead.
type AnyObject = Record<string, unknown>;
/** mingo's options as a pipeline operator receives them (a ComputeOptions whose getters hold the values). */
type MingoOptions = NonNullable<ConstructorParameters<typeof Query>[1]>;
/** mingo's lazy document stream between pipeline stages. */
type DocStream = ReturnType<Aggregator['stream']>;

interface GeoNearStage extends NearSpec {
  distanceField: string;
  query?: AnyObject;
  /** The field holding the geometry; without it, the document's first top-level field that holds one. */
  key?: string;
  distanceMultiplier: number;
  includeLocs?: string;
}

function optionalString(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value === '') throw invalidGeoParam(`$geoNear.${where} must be a field name`);
  return value;
}

function parseGeoNearStage(expr: unknown): GeoNearStage {
  if (typeof expr !== 'object' || expr === null) throw invalidGeoParam('$geoNear needs an object');
  const spec = expr as Record<string, unknown>;
  const distanceField = optionalString(spec.distanceField, 'distanceField');
  if (!distanceField) throw invalidGeoParam('$geoNear.distanceField is required');
  const query = spec.query ?? undefined;
  if (query !== undefined && (typeof query !== 'object' || Array.isArray(query))) {
    throw invalidGeoParam('$geoNear.query must be a query object');
  }
  return {
    point: toNearPoint(spec.near, '$geoNear.near'),
    maxDistance: toNonNegativeNumber(spec.maxDistance, '$geoNear.maxDistance'),
    minDistance: toNonNegativeNumber(spec.minDistance, '$geoNear.minDistance'),
    distanceField,
    query: query as AnyObject | undefined,
    key: optionalString(spec.key, 'key'),
    distanceMultiplier: toNonNegativeNumber(spec.distanceMultiplier, '$geoNear.distanceMultiplier') ?? 1,
    includeLocs: optionalString(spec.includeLocs, 'includeLocs'),
  };
}

interface Located {
  metres: number;
  location: Geometry;
}

function nearestOf(from: LngLat, geometries: Geometry[]): Located | undefined {
  let nearest: Located | undefined;
  for (const location of geometries) {
    const metres = metresToGeometry(from, location);
    if (!nearest || metres < nearest.metres) nearest = { metres, location };
  }
  return nearest;
}

function locate(doc: AnyObject, from: LngLat, key: string | undefined): Located | undefined {
  if (key !== undefined) return nearestOf(from, geometriesAt(doc, key));
  for (const [field, value] of Object.entries(doc)) {
    const geometries = field === '_id' ? [] : geometriesOf(value);
    if (geometries.length > 0) return nearestOf(from, geometries);
  }
  return undefined;
}

/** A copy of `doc` with `value` at a dotted path; objects along the path are copied, not mutated. */
function withValueAt(doc: AnyObject, path: string, value: unknown): AnyObject {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...doc, [head]: value };
  const child = doc[head];
  const childObject = typeof child === 'object' && child !== null && !Array.isArray(child) ? (child as AnyObject) : {};
  return { ...doc, [head]: withValueAt(childObject, rest.join('.'), value) };
}

/**
 * The options for the stage's own `query`: the aggregation's settings and operators (geo ones included).
 * Read through the getters, because mingo's main-entry Query copies options by spreading them.
 */
function optionsForQuery(options: MingoOptions): MingoOptions {
  const { idKey, collation, processingMode, useStrictMode, scriptEnabled, failOnError } = options;
  const { collectionResolver, jsonSchemaValidator, variables, context } = options;
  return {
    idKey,
    collation,
    processingMode,
    useStrictMode,
    scriptEnabled,
    failOnError,
    collectionResolver,
    jsonSchemaValidator,
    variables,
    context,
  };
}

/** An array as mingo's document stream: an aggregation without stages streams its input as it is. */
function streamOf(docs: AnyObject[]): DocStream {
  return new Aggregator([]).stream(docs);
}

/** The mingo pipeline operator for `$geoNear`. */
export function $geoNear(collection: DocStream, expr: unknown, options: MingoOptions): DocStream {
  const stage = parseGeoNearStage(expr);
  const filter = stage.query ? new Query(stage.query, optionsForQuery(options)) : undefined;
  return collection.transform((docs: AnyObject[]) => {
    const rows: { doc: AnyObject; metres: number }[] = [];
    for (const doc of docs) {
      if (filter && !filter.test(doc)) continue;
      const located = locate(doc, stage.point, stage.key);
      if (!located || !isWithinBounds(located.metres, stage)) continue;
      let out = withValueAt(doc, stage.distanceField, located.metres * stage.distanceMultiplier);
      if (stage.includeLocs) out = withValueAt(out, stage.includeLocs, located.location);
      rows.push({ doc: out, metres: located.metres });
    }
    rows.sort((a, b) => a.metres - b.metres);
    return streamOf(rows.map((row) => row.doc));
  });
}
