import { haversineDistanceM } from '@pingan/shared/geo';
import { lngLat } from '@pingan/shared/geo';

describe('haversineDistanceM', () => {
  it('is zero between a point and itself', () => {
    expect(haversineDistanceM(lngLat(111.5875, 33.7969), lngLat(111.5875, 33.7969))).toBe(0);
  });

  it('measures one degree of latitude as about 111.2 km', () => {
    expect(haversineDistanceM(lngLat(111, 33), lngLat(111, 34))).toBeCloseTo(111_195, 0);
  });

  it('shrinks a degree of longitude by the cosine of the latitude', () => {
    const atEquator = haversineDistanceM(lngLat(0, 0), lngLat(0.01, 0));
    const at60 = haversineDistanceM(lngLat(0, 60), lngLat(0.01, 60));
    expect(at60 / atEquator).toBeCloseTo(0.5, 4);
  });

  it('is symmetric', () => {
    const a = lngLat(111.573415, 33.778534);
    const b = lngLat(111.606556, 33.801461);
    expect(haversineDistanceM(a, b)).toBe(haversineDistanceM(b, a));
  });

  it('measures antipodes as half the circumference', () => {
    expect(haversineDistanceM(lngLat(0, 0), lngLat(180, 0))).toBeCloseTo(Math.PI * 6_371_008.8, 3);
  });
});
