import type { LngLat, MultiPolygon } from './lng-lat';

/** `[minLng, minLat, maxLng, maxLat]`, the GeoJSON bbox order. */
export type BBox = readonly [minLng: number, minLat: number, maxLng: number, maxLat: number];

/** The smallest box holding every vertex of an area. */
export function bboxOfMultiPolygon(area: MultiPolygon): BBox {
  let minLng = Infinity;
  let minLat = Infinity;
  let maxLng = -Infinity;
  let maxLat = -Infinity;
  for (const polygon of area) {
    for (const ring of polygon) {
      for (const [lng, lat] of ring) {
        if (lng < minLng) minLng = lng;
        if (lat < minLat) minLat = lat;
        if (lng > maxLng) maxLng = lng;
        if (lat > maxLat) maxLat = lat;
      }
    }
  }
  return [minLng, minLat, maxLng, maxLat];
}

/** Whether a point lies in a box, edges included. */
export function bboxIncludesPoint(box: BBox, point: LngLat): boolean {
  return point[0] >= box[0] && point[0] <= box[2] && point[1] >= box[1] && point[1] <= box[3];
}

/** Whether two boxes share at least one point, edges included. */
export function bboxIntersectsBBox(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}

/** The box spanning both boxes. */
export function bboxUnion(a: BBox, b: BBox): BBox {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
