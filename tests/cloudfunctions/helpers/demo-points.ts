import { bboxOfMultiPolygon, buildGridIndex, indexLocator, lngLat, routeReport } from '@pingan/shared';
import { demoTree } from '../../shared/fixtures/demo-county';

const locator = indexLocator(buildGridIndex(demoTree));

/** A point (6 decimals, like real input) strictly inside a grid of the demo county and in none of its micro-grids. */
export function pointInGrid(code: string): [number, number] {
  const grid = demoTree.nodes.get(code);
  if (!grid) throw new Error(`no grid ${code} in the demo county`);
  const [minLng, minLat, maxLng, maxLat] = bboxOfMultiPolygon(grid.area);
  for (let i = 1; i < 10; i += 1) {
    for (let j = 1; j < 10; j += 1) {
      const lng = Number((minLng + ((maxLng - minLng) * i) / 10).toFixed(6));
      const lat = Number((minLat + ((maxLat - minLat) * j) / 10).toFixed(6));
      const route = routeReport(locator, { location: lngLat(lng, lat), departments: [] });
      if (route.reason === 'contained' && route.ownerCode === code && route.microGridCode === undefined) return [lng, lat];
    }
  }
  throw new Error(`found no inner point of ${code}`);
}
