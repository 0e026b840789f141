import { multiPolygonBoundaryDistanceM } from '@pingan/shared/geo';
import { haversineDistanceM } from '@pingan/shared/geo';
import { lngLat, type MultiPolygon } from '@pingan/shared/geo';

/** A square of 0.001° (about 93 m × 111 m) at the demo county's latitude, with a hole. */
const x0 = 111.58;
const y0 = 33.79;
const d = 0.001;
const corner = (i: number, j: number) => lngLat(x0 + i * d, y0 + j * d);
const square = (a: number, b: number, c: number, e: number) => [corner(a, b), corner(c, b), corner(c, e), corner(a, e), corner(a, b)];
const area: MultiPolygon = [[square(0, 0, 1, 1), square(0.4, 0.4, 0.6, 0.6)]];

describe('multiPolygonBoundaryDistanceM', () => {
  it('matches the haversine distance straight east of an edge', () => {
    const point = lngLat(x0 + 1.2 * d, y0 + 0.5 * d);
    const foot = lngLat(x0 + d, y0 + 0.5 * d);
    expect(multiPolygonBoundaryDistanceM(area, point)).toBeCloseTo(haversineDistanceM(point, foot), 2);
  });

  it('measures to the nearest vertex when the point is off a corner', () => {
    const point = lngLat(x0 + 1.1 * d, y0 + 1.1 * d);
    expect(multiPolygonBoundaryDistanceM(area, point)).toBeCloseTo(haversineDistanceM(point, corner(1, 1)), 2);
  });

  it('is zero on an edge', () => {
    expect(multiPolygonBoundaryDistanceM(area, lngLat(x0, y0 + 0.3 * d))).toBe(0);
  });

  it('counts the edge of a hole as boundary', () => {
    const inHole = lngLat(x0 + 0.5 * d, y0 + 0.5 * d);
    const toHoleEdge = haversineDistanceM(inHole, lngLat(x0 + 0.6 * d, y0 + 0.5 * d));
    expect(multiPolygonBoundaryDistanceM(area, inHole)).toBeCloseTo(toHoleEdge, 2);
  });

  it('takes the nearer of two parts', () => {
    const twoParts: MultiPolygon = [[square(0, 0, 1, 1)], [square(3, 0, 4, 1)]];
    const point = lngLat(x0 + 2.9 * d, y0 + 0.5 * d);
    expect(multiPolygonBoundaryDistanceM(twoParts, point)).toBeCloseTo(haversineDistanceM(point, lngLat(x0 + 3 * d, y0 + 0.5 * d)), 2);
  });
});
