import pointInPolygon from 'point-in-polygon-hao';
import type { LngLat, MultiPolygon, Polygon } from './lng-lat';

/**
 * Where a point lies relative to an area. `boundary` (on an edge or vertex of any ring, holes included)
 * is kept apart from `inside` because routing needs it: a point on a shared edge belongs to two grids.
 *
 * point-in-polygon-hao (Hao et al., "Optimal Reliable Point-in-Polygon Test", with robust orient2d) is used
 * rather than @turf/boolean-point-in-polygon: turf wraps this same function but folds `boundary` into a
 * boolean, and adds GeoJSON helpers; hao bundles to under 4 KB minified with its one dependency.
 */
export type PointRelation = 'inside' | 'boundary' | 'outside';

/** Where a point lies relative to a polygon with holes (a point in a hole is outside). */
export function polygonPointRelation(polygon: Polygon, point: LngLat): PointRelation {
  // hao's typings ask for mutable number arrays; it only reads them.
  const verdict = pointInPolygon(point as unknown as number[], polygon as unknown as number[][][]);
  if (verdict === 0) return 'boundary';
  return verdict ? 'inside' : 'outside';
}

/** Where a point lies relative to a MultiPolygon: inside any part wins over the boundary of another. */
export function multiPolygonPointRelation(area: MultiPolygon, point: LngLat): PointRelation {
  let onBoundary = false;
  for (const polygon of area) {
    const relation = polygonPointRelation(polygon, point);
    if (relation === 'inside') return 'inside';
    if (relation === 'boundary') onBoundary = true;
  }
  return onBoundary ? 'boundary' : 'outside';
}
