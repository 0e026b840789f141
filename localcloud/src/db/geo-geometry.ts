/**
 * GeoJSON geometries as stored documents and decoded queries hold them: what the SDK's db.Geo classes
 * serialise to (`{ type: 'Point', coordinates: [lng, lat] }` and the five other types), read defensively
 * because a document can hold anything. Coordinates are degrees, `[longitude, latitude]`.
 */

/** One GeoJSON position: `[longitude, latitude]` in degrees. */
export type LngLat = [lng: number, lat: number];
/** A closed ring: first position equals the last, at least four positions. */
export type Ring = LngLat[];

export interface PointGeometry {
  type: 'Point';
  coordinates: LngLat;
}
export interface MultiPointGeometry {
  type: 'MultiPoint';
  coordinates: LngLat[];
}
export interface LineStringGeometry {
  type: 'LineString';
  coordinates: LngLat[];
}
export interface MultiLineStringGeometry {
  type: 'MultiLineString';
  coordinates: LngLat[][];
}
/** Outer ring first, then holes. */
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Ring[];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Ring[][];
}

export type Geometry =
  PointGeometry | MultiPointGeometry | LineStringGeometry | MultiLineStringGeometry | PolygonGeometry | MultiPolygonGeometry;

/** A geometry that encloses an area: what `$geoWithin: { $geometry }` accepts. */
export type RegionGeometry = PolygonGeometry | MultiPolygonGeometry;

/**
 * A number, or a BSON number wrapper (Int32, Double, Long) in case the database decoded EJSON
 * without `relaxed`; anything else is not a coordinate.
 */
function toFiniteNumber(value: unknown): number | undefined {
  const n = typeof value === 'object' && value !== null ? Number(value.valueOf()) : value;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

function toPosition(value: unknown): LngLat | undefined {
  if (!Array.isArray(value) || value.length < 2) return undefined;
  const lng = toFiniteNumber(value[0]);
  const lat = toFiniteNumber(value[1]);
  if (lng === undefined || lat === undefined || Math.abs(lat) > 90 || Math.abs(lng) > 180) return undefined;
  return [lng, lat];
}

function toPositions(value: unknown, minLength: number): LngLat[] | undefined {
  if (!Array.isArray(value) || value.length < minLength) return undefined;
  const positions: LngLat[] = [];
  for (const item of value) {
    const position = toPosition(item);
    if (!position) return undefined;
    positions.push(position);
  }
  return positions;
}

/** Closes an open ring, as GeoJSON requires and turf assumes; a ring needs three distinct corners. */
function toRing(value: unknown): Ring | undefined {
  const ring = toPositions(value, 3);
  if (!ring) return undefined;
  const first = ring[0] as LngLat;
  const last = ring[ring.length - 1] as LngLat;
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  return ring.length >= 4 ? ring : undefined;
}

function toPolygonRings(value: unknown): Ring[] | undefined {
  return listOf(value, toRing);
}

/** Every item converted, or undefined if the list is empty or one item is not valid. */
function listOf<T>(value: unknown, convert: (item: unknown) => T | undefined): T[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const items: T[] = [];
  for (const item of value) {
    const converted = convert(item);
    if (converted === undefined) return undefined;
    items.push(converted);
  }
  return items;
}

function toGeoJsonGeometry(type: unknown, coordinates: unknown): Geometry | undefined {
  switch (type) {
    case 'Point': {
      const position = toPosition(coordinates);
      return position && { type, coordinates: position };
    }
    case 'MultiPoint': {
      const positions = toPositions(coordinates, 1);
      return positions && { type, coordinates: positions };
    }
    case 'LineString': {
      const positions = toPositions(coordinates, 2);
      return positions && { type, coordinates: positions };
    }
    case 'MultiLineString': {
      const lines = listOf(coordinates, (line) => toPositions(line, 2));
      return lines && { type, coordinates: lines };
    }
    case 'Polygon': {
      const rings = toPolygonRings(coordinates);
      return rings && { type, coordinates: rings };
    }
    case 'MultiPolygon': {
      const polygons = listOf(coordinates, toPolygonRings);
      return polygons && { type, coordinates: polygons };
    }
    default:
      return undefined;
  }
}

/**
 * The geometry a value holds: a GeoJSON geometry of the six types above, or a legacy coordinate pair
 * `[lng, lat]` (which MongoDB also indexes as a point). Anything else, including GeometryCollection,
 * is not a geometry.
 */
export function toGeometry(value: unknown): Geometry | undefined {
  if (Array.isArray(value)) {
    const position = value.length === 2 ? toPosition(value) : undefined;
    return position && { type: 'Point', coordinates: position };
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  return toGeoJsonGeometry(type, coordinates);
}

/**
 * The geometries a document field holds: one, or each element of an array of them (MongoDB matches a
 * document when any element matches).
 */
export function geometriesOf(value: unknown): Geometry[] {
  const single = toGeometry(value);
  if (single) return [single];
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const geometry = toGeometry(item);
    return geometry ? [geometry] : [];
  });
}

/**
 * The values at a dotted path, stepping into arrays as MongoDB does: `'a.b'` on `{ a: [{ b: 1 }, { b: 2 }] }`
 * gives both, and a numeric step indexes the array.
 */
function valuesAt(value: unknown, steps: string[]): unknown[] {
  if (steps.length === 0) return [value];
  const [step, ...rest] = steps as [string, ...string[]];
  if (Array.isArray(value)) {
    if (/^\d+$/.test(step)) return valuesAt(value[Number(step)], rest);
    return value.flatMap((item) => valuesAt(item, steps));
  }
  if (typeof value !== 'object' || value === null) return [];
  return valuesAt((value as Record<string, unknown>)[step], rest);
}

/** The geometries a document holds at a dotted field path. */
export function geometriesAt(doc: Record<string, unknown>, field: string): Geometry[] {
  return valuesAt(doc, field.split('.')).flatMap(geometriesOf);
}

/** Every position of a geometry, holes and all: for bounding boxes and cap containment. */
export function positionsOf(geometry: Geometry): LngLat[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
  }
}

/** `[minLng, minLat, maxLng, maxLat]`, planar in degrees like the rest of the containment tests. */
export type BoundingBox = [number, number, number, number];

export function boundingBoxOf(geometry: Geometry): BoundingBox {
  const box: BoundingBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng, lat] of positionsOf(geometry)) {
    if (lng < box[0]) box[0] = lng;
    if (lat < box[1]) box[1] = lat;
    if (lng > box[2]) box[2] = lng;
    if (lat > box[3]) box[3] = lat;
  }
  return box;
}

export function boundingBoxesOverlap(a: BoundingBox, b: BoundingBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
