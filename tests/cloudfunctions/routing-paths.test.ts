import { join } from 'node:path';
import { isOutsideCounty, lngLat, routeReport, type GridLocator, type RouteRequest, type RouteResult } from '@pingan/shared';
import { seedDemoCounty } from '../../tools/seed/seed';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { demoFile } from '../shared/fixtures/demo-county';
import { seededRandom } from '../shared/fixtures/seeded-random';
import { PLACES } from './helpers/functions-cloud';

/**
 * The two ways a cloud function gets the polygons it routes with — the prebuilt index from storage and
 * the database's `_.geoIntersects` on the boundaries — must route every report alike. Both run here
 * in-process through the real wx-server-sdk against the local cloud, seeded as `npm start` seeds it.
 */
type Lib = {
  storageIndexLocator: typeof import('../../cloudfunctions/src/routing/grid-index.repository').storageIndexLocator;
  databaseLocator: typeof import('../../cloudfunctions/src/routing/grid-candidates.repository').databaseLocator;
  routingSettings: typeof import('../../cloudfunctions/src/catalog/settings.repository').routingSettings;
};

let testCloud: TestCloud;
let lib: Lib;
let indexed: GridLocator;
let maxGapM: number;

/**
 * How long each test may take, sized from its work so that a slow machine cannot fail it. Every point
 * asks the database: the database path *is* the `_.geoIntersects` query on a box around the point (the
 * box, the local cloud's geo matching, the second read for missing ancestors), so reading every region
 * once and building the locators in memory would compare the index with itself. A point costs at most
 * two round trips plus both routings: measured 14–24 ms a point on a quiet 2-core machine, 130 ms with
 * three busy loops beside it (load average 9), when the old 30 s limit failed. 250 ms a trip allows a point
 * four times that; the base covers the fixed costs. A test that still times out is stuck, not slow.
 */
const TRIPS_PER_POINT = 2;
const PER_TRIP_MS = 250;
const timeoutFor = (points: number) => 30_000 + points * TRIPS_PER_POINT * PER_TRIP_MS;

/** Starting a cloud and seeding the county (51 places, people, catalog, the index file): ~10 s, loaded. */
const SETUP_TIMEOUT_MS = 180_000;

beforeAll(async () => {
  testCloud = await startTestCloud({ databaseFile: join(__dirname, '../../database/collections.json') });
  await seedDemoCounty({ envId: testCloud.cloud.envId });
  // Loaded after the cloud is up: the functions' sdk.ts initialises wx-server-sdk from the environment on import.
  lib = {
    ...(await import('../../cloudfunctions/src/routing/grid-index.repository')),
    ...(await import('../../cloudfunctions/src/routing/grid-candidates.repository')),
    ...(await import('../../cloudfunctions/src/catalog/settings.repository')),
  };
  const settings = await lib.routingSettings();
  maxGapM = settings.maxGapM;
  indexed = await lib.storageIndexLocator(settings);
}, SETUP_TIMEOUT_MS);
afterAll(async () => testCloud?.stop());

/** What must agree: where, why, and how far (the database path measures with the same pure code). */
const essentials = (route: RouteResult) => ({
  ...route,
  distanceM: route.distanceM === undefined ? undefined : Math.round(route.distanceM * 1e6) / 1e6,
});

async function bothPaths(request: RouteRequest, gapM = maxGapM) {
  const viaIndex = routeOf(indexed, request, gapM);
  const viaDatabase = routeOf(await lib.databaseLocator(request, gapM), request, gapM);
  return { viaIndex, viaDatabase };
}

/** The route, and whether the place is refused as outside the county (which both paths must also agree on). */
function routeOf(locator: GridLocator, request: RouteRequest, gapM: number) {
  const outside = request.location ? isOutsideCounty(locator, request.location, { maxGapM: gapM }) : false;
  return { ...essentials(routeReport(locator, request, { maxGapM: gapM })), outside };
}

type Case = { point: number[]; gapM: number };
type Route = ReturnType<typeof routeOf>;
const IN_FLIGHT = 4;

/**
 * The points where the two paths route differently (none, we expect), and how many were compared.
 * Four at a time: client and server share this process's one thread, so more in flight only lengthens
 * the stretches the event loop spends routing (850 vertices, quiet: 12.8 s with 1 in flight, 11.9 s with
 * 4, 14.8 s with 8, 15.2 s with 16).
 */
async function disagreementsAt(cases: readonly Case[]) {
  const found: (Case & { viaIndex: Route; viaDatabase: Route })[] = [];
  let compared = 0;
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < cases.length; index = next++) {
      const { point, gapM } = cases[index] as Case;
      const { viaIndex, viaDatabase } = await bothPaths(
        { location: lngLat(point[0] as number, point[1] as number), departments: [] },
        gapM,
      );
      compared += 1;
      if (JSON.stringify(viaIndex) !== JSON.stringify(viaDatabase)) found.push({ point, gapM, viaIndex, viaDatabase });
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { compared, disagreements: found };
}

type Feature = { geometry: { coordinates: [number, number][][] } };
const features = (demoFile('regions.geojson') as { features: Feature[] }).features;

/** Every distinct vertex of the demo county: edges, corners shared by four grids, the river banks. */
const vertices = [...new Map(features.flatMap((f) => f.geometry.coordinates.flat()).map((p) => [`${p[0]},${p[1]}`, p])).values()];

/** Random points over the county's extent and 300 m beyond it (README: lng 111.573–111.607, lat 33.779–33.801). */
const random = seededRandom(20_240_611);
const scattered = Array.from({ length: 300 }, () => [
  Number((111.5698 + random() * 0.0401).toFixed(6)),
  Number((33.7758 + random() * 0.0284).toFixed(6)),
]);

describe('routing with the storage index and with the database agree', () => {
  it(
    'on the README’s points: the demo grid, a micro-grid, the river gap, outside the county',
    async () => {
      for (const point of Object.values(PLACES)) {
        const { viaIndex, viaDatabase } = await bothPaths({ location: lngLat(point[0], point[1]), departments: [] });
        expect(viaDatabase).toEqual(viaIndex);
      }
      const river = await bothPaths({ location: lngLat(PLACES.river[0], PLACES.river[1]), departments: [] });
      expect(river.viaDatabase).toMatchObject({ reason: 'nearest', ownerCode: '410399001001-09', outside: false });
      const outside = await bothPaths({ location: lngLat(PLACES.outside[0], PLACES.outside[1]), departments: [] });
      expect(outside.viaDatabase).toMatchObject({ outside: true });
    },
    timeoutFor(Object.keys(PLACES).length + 2),
  );

  it(
    `on every vertex of every place (${vertices.length} points on edges and corners)`,
    async () => {
      const { compared, disagreements } = await disagreementsAt(vertices.map(([lng, lat]) => ({ point: [lng, lat], gapM: maxGapM })));
      expect(disagreements).toEqual([]);
      expect(compared).toBe(vertices.length);
    },
    timeoutFor(vertices.length),
  );

  it(
    'on 300 scattered points in and around the county, with the gap rule at 50 m and at 250 m',
    async () => {
      const { compared, disagreements } = await disagreementsAt(
        scattered.map((point, index) => ({ point, gapM: index % 2 === 0 ? maxGapM : 250 })),
      );
      expect(disagreements).toEqual([]);
      expect(compared).toBe(scattered.length);
    },
    timeoutFor(scattered.length),
  );

  it(
    'without a location: the scanned grid, else the joined one, else the county',
    async () => {
      const requests: RouteRequest[] = [
        { scannedGridCode: '410399002002-04', joinedGridCode: '410399001001-03', departments: ['派出所'] },
        { joinedGridCode: '410399001001-03', departments: [] },
        { scannedGridCode: '410399009009-09', departments: [] },
        { departments: [] },
        { location: lngLat(PLACES.outside[0], PLACES.outside[1]), joinedGridCode: '410399002001-01', departments: [] },
      ];
      const reasons = [];
      for (const request of requests) {
        const { viaIndex, viaDatabase } = await bothPaths(request);
        expect(viaDatabase).toEqual(viaIndex);
        reasons.push(viaDatabase.reason);
      }
      expect(reasons).toEqual(['scanned', 'joined', 'county', 'county', 'joined']);
    },
    timeoutFor(5),
  );
});
