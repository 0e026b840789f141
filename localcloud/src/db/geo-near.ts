/**
 * Nearness: reading a `$nearSphere` out of a decoded query, and ordering documents by their distance,
 * which MongoDB does for any find whose filter holds `$nearSphere` (a filter alone cannot reorder).
 */
import { CloudError } from '../server/module';
import { geometriesAt, toGeometry, type Geometry, type LngLat } from './geo-geometry';
import { metresToGeometry } from './geo-measure';

/** A point to measure from and the distances (metres, inclusive) a match must lie between. */
export interface NearSpec {
  point: LngLat;
  maxDistance?: number;
  minDistance?: number;
}

/** The `$nearSphere` of a query and the field it applies to. */
export interface NearSphereQuery {
  field: string;
  near: NearSpec;
}

/** The query operators that sort by distance; `$near` with `$geometry` is spherical on a 2dsphere field. */
const NEAR_OPERATORS = ['$nearSphere', '$near'] as const;

export function invalidGeoParam(message: string): CloudError {
  return new CloudError('INVALID_PARAM', message);
}

/** A GeoJSON Point, or a legacy `[lng, lat]` pair, as the centre of a near search. */
export function toNearPoint(value: unknown, where: string): LngLat {
  const geometry = toGeometry(value);
  if (geometry?.type !== 'Point') throw invalidGeoParam(`${where} must be a GeoJSON Point`);
  return geometry.coordinates;
}

/**
 * A non-negative number (a BSON number wrapper is unwrapped), or undefined for a missing one: the SDK
 * sends null for a distance bound it was not given.
 */
export function toNonNegativeNumber(value: unknown, where: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'object' ? Number(value.valueOf()) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) throw invalidGeoParam(`${where} must be a non-negative number`);
  return n;
}

/** Parses `{ $geometry: Point, $maxDistance?, $minDistance? }`, the GeoJSON form the SDK sends. */
export function parseNearSphere(spec: unknown, operator = '$nearSphere'): NearSpec {
  if (typeof spec !== 'object' || spec === null || !('$geometry' in spec)) {
    throw invalidGeoParam(`${operator} needs { $geometry: Point } (legacy coordinate pairs are not supported)`);
  }
  const { $geometry, $maxDistance, $minDistance } = spec as Record<string, unknown>;
  return {
    point: toNearPoint($geometry, `${operator}.$geometry`),
    maxDistance: toNonNegativeNumber($maxDistance, `${operator}.$maxDistance`),
    minDistance: toNonNegativeNumber($minDistance, `${operator}.$minDistance`),
  };
}

export function isWithinBounds(metres: number, near: NearSpec): boolean {
  return (near.maxDistance === undefined || metres <= near.maxDistance) && (near.minDistance === undefined || metres >= near.minDistance);
}

/** Distance from a point to the nearest of some geometries, or undefined if there are none. */
export function metresToNearest(from: LngLat, geometries: Geometry[]): number | undefined {
  if (geometries.length === 0) return undefined;
  return Math.min(...geometries.map((geometry) => metresToGeometry(from, geometry)));
}

function nearInCondition(field: string, condition: unknown): NearSphereQuery | undefined {
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return undefined;
  for (const operator of NEAR_OPERATORS) {
    if (operator in condition) {
      return { field, near: parseNearSphere((condition as Record<string, unknown>)[operator], operator) };
    }
  }
  return undefined;
}

/**
 * The `$nearSphere` (or GeoJSON `$near`) of a decoded query, looked for where MongoDB allows it: on a
 * top-level field or inside a top-level `$and` (the SDK writes `_.and([...])` that way). Undefined if none.
 */
export function findNearSphere(query: Record<string, unknown>): NearSphereQuery | undefined {
  for (const [key, condition] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(condition)) {
      for (const clause of condition) {
        const found = typeof clause === 'object' && clause !== null ? findNearSphere(clause as Record<string, unknown>) : undefined;
        if (found) return found;
      }
    } else if (!key.startsWith('$')) {
      const found = nearInCondition(key, condition);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * Orders documents nearest first when the decoded query holds a `$nearSphere`, as MongoDB does before
 * any explicit sort, skip and limit; otherwise returns the documents as they are. Equal distances keep
 * their order; documents without a geometry in the field go last.
 */
export function sortByNearSphere(docs: Record<string, unknown>[], query: Record<string, unknown>): Record<string, unknown>[] {
  const nearQuery = findNearSphere(query);
  if (!nearQuery) return docs;
  const { field, near } = nearQuery;
  return docs
    .map((doc) => ({ doc, metres: metresToNearest(near.point, geometriesAt(doc, field)) ?? Infinity }))
    .sort((a, b) => (a.metres === b.metres ? 0 : a.metres - b.metres))
    .map(({ doc }) => doc);
}
