/**
 * Requests per second of the local database through the real wx-server-sdk (HTTP, EJSON, SQLite with
 * synchronous=FULL, mingo): a simple add, and where().get() served by an index and by a scan.
 *
 *   npx tsx bench/localcloud-db.bench.ts                   # measure, compare with the baseline
 *   npx tsx bench/localcloud-db.bench.ts --write-baseline  # measure and make that the baseline
 *
 * Exits non-zero only when a figure is more than 3x worse than its baseline (bench/baselines/localcloud-db.json).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compareWithBaseline, type Figure, type Figures } from './lib/baseline';
import { runBench, withBenchCloud } from './lib/bench-cloud';

const SECONDS_PER_CASE = 3;
const CONCURRENCY = 8;
const EVENTS = 20_000;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- wx-server-sdk's typings do not await to results
type SdkDatabase = any;

/** Runs `request` for SECONDS_PER_CASE with `concurrency` requests in flight; returns requests per second. */
async function perSecond(concurrency: number, request: (n: number) => Promise<unknown>): Promise<number> {
  let done = 0;
  const start = performance.now();
  const until = start + SECONDS_PER_CASE * 1000;
  const worker = async () => {
    while (performance.now() < until) await request(done++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return Math.round((done / (performance.now() - start)) * 1000);
}

async function seed(db: SdkDatabase): Promise<void> {
  await db.createCollection('bench_add');
  for (let i = 0; i < EVENTS; i += 2000) {
    const docs = Array.from({ length: 2000 }, (_, k) => ({ n: i + k, grid: `g${(i + k) % 2000}`, at: new Date() }));
    await db.collection('events').add({ data: docs });
    await db.collection('events_scan').add({ data: docs });
  }
}

const rate = (value: number): Figure => ({ value, unit: 'req/s', better: 'higher' });

async function measure(db: SdkDatabase): Promise<Figures> {
  const add = (n: number) => db.collection('bench_add').add({ data: { n, text: 'a report', at: db.serverDate() } });
  const indexed = (n: number) =>
    db
      .collection('events')
      .where({ grid: `g${n % 2000}` })
      .get();
  const scanned = (n: number) =>
    db
      .collection('events_scan')
      .where({ grid: `g${n % 2000}` })
      .get();
  return {
    'add, 1 in flight (req/s)': rate(await perSecond(1, add)),
    [`add, ${CONCURRENCY} in flight (req/s)`]: rate(await perSecond(CONCURRENCY, add)),
    [`where().get() by index in ${EVENTS} docs, 1 in flight (req/s)`]: rate(await perSecond(1, indexed)),
    [`where().get() by index in ${EVENTS} docs, ${CONCURRENCY} in flight (req/s)`]: rate(await perSecond(CONCURRENCY, indexed)),
    [`where().get() scanning ${EVENTS} docs, 1 in flight (req/s)`]: rate(await perSecond(1, scanned)),
  };
}

/** The collections file the cloud starts with: `events` indexed by grid, `events_scan` not. */
function writeCollections(dataDir: string): string {
  const databaseFile = join(dataDir, 'collections.json');
  writeFileSync(
    databaseFile,
    JSON.stringify({ collections: { events: { indexes: [{ name: 'by_grid', keys: { grid: 1 } }] }, events_scan: {} } }),
  );
  return databaseFile;
}

async function main(): Promise<void> {
  await withBenchCloud(
    (dataDir) => ({ databaseFile: writeCollections(dataDir), poolSize: 1 }),
    async ({ sdk }) => {
      const db: SdkDatabase = sdk().database();
      await seed(db);
      console.log(`local database through wx-server-sdk, ${SECONDS_PER_CASE} s per case`);
      compareWithBaseline('localcloud-db', await measure(db));
    },
  );
}

runBench(main);
