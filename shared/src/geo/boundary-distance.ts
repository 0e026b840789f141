import type { LngLat, MultiPolygon } from './lng-lat';
import { localScaleAt } from './local-scale';

/**
 * Distance in metres from a point to the nearest edge of an area (outer rings and holes alike), measured
 * in a local equirectangular projection centred on the point (see local-scale.ts).
 */
export function multiPolygonBoundaryDistanceM(area: MultiPolygon, point: LngLat): number {
  const { mPerDegLng, mPerDegLat } = localScaleAt(point[1]);
  let best = Infinity;
  for (const polygon of area) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i += 1) {
        const a = ring[i - 1] as LngLat;
        const b = ring[i] as LngLat;
        const squared = squaredDistanceToSegment(
          (a[0] - point[0]) * mPerDegLng,
          (a[1] - point[1]) * mPerDegLat,
          (b[0] - point[0]) * mPerDegLng,
          (b[1] - point[1]) * mPerDegLat,
        );
        if (squared < best) best = squared;
      }
    }
  }
  return Math.sqrt(best);
}

/** Squared distance from the origin to the segment (ax, ay)–(bx, by). */
function squaredDistanceToSegment(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
  const x = ax + t * dx;
  const y = ay + t * dy;
  return x * x + y * y;
}
