import { asLngLat, multiPolygonFromGeometry } from '@pingan/shared/geo';

describe('multiPolygonFromGeometry', () => {
  const ring = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 0],
  ] as const;

  it('wraps a Polygon as a one-part MultiPolygon', () => {
    expect(multiPolygonFromGeometry({ type: 'Polygon', coordinates: [ring] })).toEqual([[ring]]);
  });

  it('keeps the parts of a MultiPolygon', () => {
    expect(multiPolygonFromGeometry({ type: 'MultiPolygon', coordinates: [[ring], [ring]] })).toHaveLength(2);
  });

  it('drops an altitude', () => {
    const high = [
      [0, 0, 9],
      [1, 0, 9],
      [1, 1, 9],
      [0, 0, 9],
    ] as const;
    expect(multiPolygonFromGeometry({ type: 'Polygon', coordinates: [high] })).toEqual([[ring]]);
  });
});

describe('asLngLat', () => {
  it('keeps the [lng, lat] order of a parsed contract tuple', () => {
    expect(asLngLat([111.587499, 33.796931])).toEqual([111.587499, 33.796931]);
  });
});
