import { bboxOfMultiPolygon } from '@pingan/shared/geo';
import { lngLat, type LngLat } from '@pingan/shared/geo';
import type { GridTree } from '@pingan/shared/grid';
import { buildGridIndex, indexLocator } from '@pingan/shared/routing';
import { parseGridIndex, serializeGridIndex } from '@pingan/shared/routing';
import { type GridLocator, scanLocator } from '@pingan/shared/routing';
import { routeReport } from '@pingan/shared/routing';
import { demoTree } from '../fixtures/demo-county';
import { seededRandom } from '../fixtures/seeded-random';
import { at, tinyTree } from '../fixtures/tiny-county';

const route = (locator: GridLocator, location: LngLat) => routeReport(locator, { location, departments: [] });
const nearbyCodes = (locator: GridLocator, point: LngLat, maxM: number) =>
  locator
    .gridsWithin(point, maxM)
    .map((near) => `${near.node.code}@${near.distanceM}`)
    .sort();

/** Uniform points over the tree's bbox widened by `margin` degrees on every side. */
function randomPoints(tree: GridTree, count: number, seed: number, margin: number): LngLat[] {
  const county = tree.nodes.get(tree.countyCode);
  const [minLng, minLat, maxLng, maxLat] = bboxOfMultiPolygon(county?.area ?? []);
  const random = seededRandom(seed);
  return Array.from({ length: count }, () =>
    lngLat(minLng - margin + random() * (maxLng - minLng + 2 * margin), minLat - margin + random() * (maxLat - minLat + 2 * margin)),
  );
}

/** Every vertex of every grid and micro-grid: the points where edge tie-breaks happen. */
function gridVertices(tree: GridTree): LngLat[] {
  return [...tree.nodes.values()]
    .filter((node) => node.level === 'grid' || node.level === 'microGrid')
    .flatMap((node) => node.area.flat(2));
}

describe('the indexed router agrees with the naive scan', () => {
  const demoScan = scanLocator(demoTree);
  const demoIndexed = indexLocator(parseGridIndex(serializeGridIndex(buildGridIndex(demoTree))));

  it('on 3,000 seeded random points in and around the demo county', () => {
    for (const point of randomPoints(demoTree, 3000, 20240601, 0.003)) {
      expect(route(demoIndexed, point)).toEqual(route(demoScan, point));
    }
  });

  it('on every grid and micro-grid vertex of the demo county (shared edges and corners)', () => {
    for (const point of gridVertices(demoTree)) expect(route(demoIndexed, point)).toEqual(route(demoScan, point));
  });

  it('on the grids within 60 m of 1,000 seeded random points', () => {
    for (const point of randomPoints(demoTree, 1000, 7, 0.001)) {
      expect(nearbyCodes(demoIndexed, point, 60)).toEqual(nearbyCodes(demoScan, point, 60));
    }
  });

  it('on every point of a u/8 lattice over the tiny county, where edges, corners and ties are exact', () => {
    const scan = scanLocator(tinyTree);
    const indexed = indexLocator(buildGridIndex(tinyTree));
    for (let x = -8; x <= 44; x += 1) {
      for (let y = -8; y <= 24; y += 1) expect(route(indexed, at(x / 8, y / 8))).toEqual(route(scan, at(x / 8, y / 8)));
    }
  });
});

describe('buildGridIndex', () => {
  it('lays about one cell per grid over the county', () => {
    const { layout } = buildGridIndex(demoTree);
    expect(layout.cols * layout.rows).toBeGreaterThanOrEqual(30);
    expect(layout.cols * layout.rows).toBeLessThanOrEqual(60);
  });

  it('lists in each cell only entries whose bbox touches it', () => {
    const index = buildGridIndex(tinyTree);
    const total = index.cells.reduce((sum, cell) => sum + cell.length, 0);
    expect(total).toBeLessThan(index.entries.length * index.cells.length);
  });
});

describe('grid index codec', () => {
  const index = buildGridIndex(demoTree);

  it('round-trips the demo county bit for bit', () => {
    const loaded = parseGridIndex(serializeGridIndex(index));
    expect(loaded.entries.map((entry) => entry.node)).toEqual(index.entries.map((entry) => entry.node));
    expect(loaded.cells).toEqual(index.cells);
    expect(loaded.layout).toEqual(index.layout);
  });

  it('is smaller than a third of the GeoJSON it came from', () => {
    expect(serializeGridIndex(index).length).toBeLessThan(114_454 / 3);
  });

  it('refuses a coordinate finer than 1e-6 degree (the tiny county is drawn in 2⁻¹¹° units)', () => {
    expect(() => serializeGridIndex(buildGridIndex(tinyTree))).toThrow('finer than 1e-6');
  });

  it('refuses another format', () => {
    const text = serializeGridIndex(index).replace('pingan-grid-index/1', 'pingan-grid-index/0');
    expect(() => parseGridIndex(text)).toThrow();
  });

  it('refuses a cell naming an entry that does not exist', () => {
    const serialized = JSON.parse(serializeGridIndex(index));
    serialized.cells[0].push(9999);
    expect(() => parseGridIndex(JSON.stringify(serialized))).toThrow('unknown entry');
  });

  it('refuses a lattice whose cell count does not match', () => {
    const serialized = JSON.parse(serializeGridIndex(index));
    serialized.cols += 1;
    expect(() => parseGridIndex(JSON.stringify(serialized))).toThrow('bad cell lattice');
  });
});
