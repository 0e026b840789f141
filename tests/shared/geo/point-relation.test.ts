import { lngLat, type MultiPolygon, type Polygon } from '@pingan/shared/geo';
import { multiPolygonPointRelation, polygonPointRelation } from '@pingan/shared/geo';

const ring = (...points: [number, number][]) => points.map(([lng, lat]) => lngLat(lng, lat));
const square = (x0: number, y0: number, x1: number, y1: number) => ring([x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]);

/** A 4×4 square with a 2×2 hole in the middle. */
const framed: Polygon = [square(0, 0, 4, 4), square(1, 1, 3, 3)];

describe('polygonPointRelation', () => {
  it('finds a point strictly inside', () => {
    expect(polygonPointRelation(framed, lngLat(0.5, 2))).toBe('inside');
  });

  it('puts a point in a hole outside', () => {
    expect(polygonPointRelation(framed, lngLat(2, 2))).toBe('outside');
  });

  it('puts a point on a hole edge on the boundary', () => {
    expect(polygonPointRelation(framed, lngLat(3, 2))).toBe('boundary');
  });

  it('puts a point on an outer edge on the boundary', () => {
    expect(polygonPointRelation(framed, lngLat(4, 0.5))).toBe('boundary');
  });

  it('puts a vertex on the boundary', () => {
    expect(polygonPointRelation(framed, lngLat(0, 0))).toBe('boundary');
  });

  it('puts a point beyond the bbox outside', () => {
    expect(polygonPointRelation(framed, lngLat(5, 2))).toBe('outside');
  });

  it('puts a point level with a vertex but outside a concave notch outside', () => {
    const notched = [ring([0, 0], [4, 0], [4, 4], [2, 2], [0, 4], [0, 0])];
    expect(polygonPointRelation(notched, lngLat(2, 3))).toBe('outside');
    expect(polygonPointRelation(notched, lngLat(1, 2))).toBe('inside');
  });
});

describe('multiPolygonPointRelation', () => {
  const islands: MultiPolygon = [[square(0, 0, 1, 1)], [square(2, 0, 3, 1)]];

  it('finds a point inside the second part', () => {
    expect(multiPolygonPointRelation(islands, lngLat(2.5, 0.5))).toBe('inside');
  });

  it('puts a point between the parts outside', () => {
    expect(multiPolygonPointRelation(islands, lngLat(1.5, 0.5))).toBe('outside');
  });

  it('puts a point on the edge of one part on the boundary', () => {
    expect(multiPolygonPointRelation(islands, lngLat(2, 0.5))).toBe('boundary');
  });

  it('prefers inside one part over the boundary of another that touches it', () => {
    const touching: MultiPolygon = [[square(0, 0, 1, 1)], [square(1, 0, 2, 1)], [square(0.5, 0, 1.5, 1)]];
    expect(multiPolygonPointRelation(touching, lngLat(1, 0.5))).toBe('inside');
  });
});
