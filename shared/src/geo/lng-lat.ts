/**
 * Coordinates are GCJ-02 in GeoJSON order `[lng, lat]`. The brand keeps a WGS-84 pair or a `[lat, lng]`
 * slip from reaching geometry unnoticed: a plain tuple must pass through `lngLat` (or `asLngLat`) first,
 * which is where data is declared to be GCJ-02 (docs/DESIGN.md, "Conventions": convert WGS-84 on import, never at query time).
 */
declare const gcj02Brand: unique symbol;

export type LngLat = readonly [lng: number, lat: number] & { readonly [gcj02Brand]: 'GCJ-02' };

/** A closed ring: first and last positions are equal (GeoJSON, RFC 7946). */
export type Ring = readonly LngLat[];

/** An outer ring followed by its holes. */
export type Polygon = readonly Ring[];

/** Every area in the domain is held as a MultiPolygon; a GeoJSON Polygon becomes a one-part MultiPolygon. */
export type MultiPolygon = readonly Polygon[];

/** Declares a GCJ-02 longitude/latitude pair. */
export function lngLat(lng: number, lat: number): LngLat {
  return [lng, lat] as unknown as LngLat;
}

/** Declares a `[lng, lat]` tuple (from a parsed contract or a GeoJSON file) to be GCJ-02. */
export function asLngLat(position: readonly [number, number]): LngLat {
  return lngLat(position[0], position[1]);
}

/** A GeoJSON position; a third value (altitude) is ignored. */
export type Position = readonly [number, number, ...number[]];

export type AreaGeometry =
  | { readonly type: 'Polygon'; readonly coordinates: readonly (readonly Position[])[] }
  | { readonly type: 'MultiPolygon'; readonly coordinates: readonly (readonly (readonly Position[])[])[] };

/** Declares GeoJSON Polygon or MultiPolygon coordinates to be GCJ-02 and normalises them to a MultiPolygon. */
export function multiPolygonFromGeometry(geometry: AreaGeometry): MultiPolygon {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return parts.map((rings) => rings.map((ring) => ring.map((p) => lngLat(p[0], p[1]))));
}
