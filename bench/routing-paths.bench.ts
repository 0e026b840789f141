/**
 * How a cloud function gets the polygons it routes with, cold and warm, both ways docs/DESIGN.md names
 * ("Routing a report"): the prebuilt grid index from storage (settings read + download + parse once per
 * instance, then the settings read alone), and the database (`_.geoIntersects` on the regions' boundaries,
 * one query per report, then the pure rules on the candidates). Measured in-process through the real
 * wx-server-sdk against the local cloud on the demo county and on a synthetic county of 1,500 grids, and
 * end to end as `submitReport` calls (a recycled instance's first call vs warm calls) on the demo county.
 *
 *   npx tsx bench/routing-paths.bench.ts [--write-baseline]
 *
 * Compares with bench/baselines/routing-paths.json; exits non-zero only when a median is > 3× worse.
 * The local database evaluates geo queries by scanning (no 2dsphere index), so its figures say what the
 * local cloud does, not what CloudBase's MongoDB would: read the database path's as an upper bound.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bboxOfMultiPolygon, lngLat, regionPathOf, routeReport, type GridTree, type LngLat } from '@pingan/shared';
import { seededRandom } from '../tests/shared/fixtures/seeded-random';
import { buildFunctions } from '../tools/build-functions';
import { gridIndexText } from '../tools/seed/demo-documents';
import { readDemoFiles, seedDemoCounty } from '../tools/seed/seed';
import type { LocalCloud } from '../localcloud/src';
import { compareWithBaseline, type Figure, type Figures } from './lib/baseline';
import { runBench, withBenchCloud } from './lib/bench-cloud';
import { setReportRateLimits } from '../tests/helpers/rate-limits';
import { syntheticCounty } from './lib/synthetic-county';

type Lib = typeof import('../cloudfunctions/src/routing/grid-index.repository') &
  typeof import('../cloudfunctions/src/routing/grid-candidates.repository') &
  typeof import('../cloudfunctions/src/catalog/settings.repository');

const ROOT = join(__dirname, '..');

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function samples(runs: number, run: (i: number) => Promise<unknown>): Promise<number[]> {
  await run(-1); // warm the JIT and the connection
  const taken: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run(i);
    taken.push(performance.now() - started);
  }
  return taken;
}

const ms = (values: number[], note: string, extra: Partial<Figure> = {}): Figure => ({
  value: median(values),
  unit: 'ms',
  better: 'lower',
  floor: 2,
  note: `${note}; median of ${values.length}`,
  ...extra,
});

/** Points inside the county's box: inside grids, on edges, in gaps and a little outside. */
function pointsOver(tree: GridTree, count: number, seed: number): LngLat[] {
  const [minLng, minLat, maxLng, maxLat] = bboxOfMultiPolygon(tree.nodes.get(tree.countyCode)?.area ?? []);
  const random = seededRandom(seed);
  return Array.from({ length: count }, () =>
    lngLat(Number((minLng + random() * (maxLng - minLng)).toFixed(6)), Number((minLat + random() * (maxLat - minLat)).toFixed(6))),
  );
}

/** Both in-process paths on the county the cloud now holds. */
async function measurePaths(
  lib: Lib,
  tree: GridTree,
  name: string,
  runs: { cold: number; warm: number; database: number },
): Promise<Figures> {
  const points = pointsOver(tree, 500, 7);
  const at = (i: number) => ({ location: points[(i + points.length) % points.length] as LngLat, departments: [] });
  const viaIndex = async (i: number) => {
    const settings = await lib.routingSettings();
    return routeReport(await lib.storageIndexLocator(settings), at(i), { maxGapM: settings.maxGapM });
  };
  const viaDatabase = async (i: number) => {
    const settings = await lib.routingSettings();
    return routeReport(await lib.databaseLocator(at(i), settings.maxGapM), at(i), { maxGapM: settings.maxGapM });
  };
  const cold = await samples(runs.cold, (i) => {
    lib.forgetLoadedIndex();
    return viaIndex(i);
  });
  const warm = await samples(runs.warm, viaIndex);
  const database = await samples(runs.database, viaDatabase);
  return {
    [`${name}: storage index, cold`]: ms(cold, 'settings read + download + parse + route'),
    [`${name}: storage index, warm`]: ms(warm, 'settings read (version check) + route'),
    [`${name}: database geo, every call`]: ms(database, 'settings read + one geoIntersects query + route'),
  };
}

/** submitReport end to end in the function runner, with the routing source the settings name. */
async function measureFunction(cloud: LocalCloud, source: 'storageIndex' | 'databaseGeo', db: Db): Promise<Figures> {
  await db.collection('settings').doc('routing').update({ data: { source } });
  const points = pointsOver(readDemoFiles().tree, 100, 11);
  let n = 0;
  const submit = () =>
    cloud.functions.invoke(
      'submitReport',
      {
        categoryCode: 'HJWS',
        text: '路灯不亮',
        photos: [],
        location: points[n++ % points.length],
        anonymous: false,
        idempotencyKey: `bench-${source}-${n}-${Date.now()}`,
      },
      { openid: 'o-demo-resident-05' },
    );
  const cold = await samples(12, () => {
    cloud.functions.recycle('submitReport');
    return submit();
  });
  const starts = cloud.functions.stats().submitReport?.medianColdStartMs ?? NaN;
  const warm = await samples(100, submit);
  const label = source === 'storageIndex' ? 'storage index' : 'database geo';
  return {
    [`submitReport (${label}): cold call`]: ms(cold, `instance start ${starts} ms (fork + wx-server-sdk + bundle), then the call`),
    [`submitReport (${label}): warm call`]: ms(warm, 'user, report, category, settings; content check; route; insert'),
  };
}

type Db = ReturnType<(typeof import('wx-server-sdk'))['database']>;

/** Replaces the demo county's places with a synthetic county's, and its index in storage and settings. */
async function loadSyntheticCounty(sdk: typeof import('wx-server-sdk'), tree: GridTree): Promise<void> {
  const db = sdk.database();
  const _ = db.command;
  await db
    .collection('regions')
    .where({ _id: _.exists(true) })
    .remove();
  const nodes = [...tree.nodes.values()];
  for (let start = 0; start < nodes.length; start += 16) {
    await Promise.all(
      nodes.slice(start, start + 16).map((node) =>
        db.collection('regions').add({
          data: {
            _id: node.code,
            code: node.code,
            name: node.name,
            level: node.level,
            parentCode: node.parentCode,
            parentName: null,
            regionPath: regionPathOf(tree, node.code),
            boundary: { type: 'MultiPolygon', coordinates: node.area },
          },
        }),
      ),
    );
  }
  const text = gridIndexText(tree);
  const { fileID } = await sdk.uploadFile({ cloudPath: 'routing/grid-index-synthetic.json', fileContent: Buffer.from(text) });
  await db
    .collection('settings')
    .doc('routing')
    .update({ data: { source: 'storageIndex', indexFileID: fileID, indexVersion: 'synthetic-1500' } });
}

async function main(): Promise<void> {
  await buildFunctions(['submitReport']);
  const options = { poolSize: 1, functionsDir: join(ROOT, 'cloudfunctions/dist'), databaseFile: join(ROOT, 'database/collections.json') };
  await withBenchCloud(options, async ({ cloud, sdk }) => {
    await seedDemoCounty({ envId: cloud.envId });
    // Hundreds of submits by one demo person measure routing and writes, not the rate limit's refusals.
    await setReportRateLimits(sdk().database() as never);
    const lib: Lib = {
      ...(await import('../cloudfunctions/src/routing/grid-index.repository')),
      ...(await import('../cloudfunctions/src/routing/grid-candidates.repository')),
      ...(await import('../cloudfunctions/src/catalog/settings.repository')),
    };
    const figures: Figures = {
      ...(await measurePaths(lib, readDemoFiles().tree, 'demo county (40 grids)', { cold: 30, warm: 300, database: 300 })),
      ...(await measureFunction(cloud, 'storageIndex', sdk().database())),
      ...(await measureFunction(cloud, 'databaseGeo', sdk().database())),
    };
    const synthetic = syntheticCounty(seededRandom(2024));
    await loadSyntheticCounty(sdk(), synthetic);
    Object.assign(figures, await measurePaths(lib, synthetic, 'synthetic county (1,500 grids)', { cold: 10, warm: 200, database: 20 }));
    compareWithBaseline('routing-paths', figures);
  });
}

runBench(main);
