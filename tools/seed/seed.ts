/**
 * Seeds a CloudBase environment — the local cloud or a real one — with the demo county, through
 * @cloudbase/node-sdk as an admin tool would. Idempotent: reference data is rewritten, people are created
 * once and later only refreshed field by field, so a resident's joined grid and reports survive a re-seed.
 * The files are checked with shared's config schemas first; nothing is written when one is invalid.
 * It also builds the routing index from the polygons, uploads it to storage under its content version,
 * and names it in `settings/routing`, where a cloud function finds it (docs/DESIGN.md, "Routing a report").
 * Asked to (`history`), it adds months of generated reports (demo-history.ts), once: their seed and end are
 * kept in `settings/demoHistory`, so a re-seed makes the same documents and finds them all there.
 *
 *   npx tsx tools/seed/seed.ts            (uses TCB_CONTEXT_CNFG / SCF_NAMESPACE, as set by `npm start`)
 *   SEED_HISTORY=0 npx tsx tools/seed/seed.ts   (the county without the generated history)
 *   CLOUDBASE_ENV=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npx tsx tools/seed/seed.ts
 */
import tcb from '@cloudbase/node-sdk';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DEFAULT_ROUTE_OPTIONS, type GridTree } from '@pingan/shared';
import { checkDemoFiles, demoSeedSet, gridIndexText, type DemoFiles, type SeedDocument } from './demo-documents';
import { DEMO_HISTORY_DAYS, DEMO_HISTORY_SEED, demoHistory, type HistoryOptions } from './demo-history';
import { demoInformantApplications } from './demo-informants';
import { demoMarketDocuments } from './demo-market';

const dataDir = resolve(__dirname, '../../data/demo-county');
const collectionsFile = resolve(__dirname, '../../database/collections.json');
/** Writes in flight at once: enough to hide the round trips, few enough to be gentle with a real environment. */
const CONCURRENCY = 8;

/** Reads and checks the demo county's files (throws naming the file when one is invalid). */
export function readDemoFiles(dir = dataDir): DemoFiles {
  const read = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
  return checkDemoFiles({
    regions: read('regions.geojson'),
    categories: read('categories.json'),
    services: read('services.json'),
    people: read('people.json'),
    workCalendar: read('work-calendar.json'),
  });
}

type App = ReturnType<typeof tcb.init>;
type Db = ReturnType<App['database']>;

export interface SeedReport {
  created: Record<string, number>;
  updated: Record<string, number>;
  routingIndex: { fileID: string; version: string; bytes: number };
  /** The generated history's seed, end and size, when it was asked for. */
  history?: HistoryOptions & { reports: number; ms: number };
}

export interface SeedOptions {
  envId: string;
  /** Another county's files (tests); default data/demo-county. */
  dataDir?: string;
  /**
   * Months of generated reports through the whole loop (demo-history.ts): off unless asked, so that tests
   * start from a county with no reports; `npm start` asks (SEED_HISTORY=0 to skip). An existing
   * `settings/demoHistory` overrides the seed and end given here.
   */
  history?: boolean | Partial<HistoryOptions>;
}

/** Whether the environment asks for the generated history: yes unless SEED_HISTORY is 0, false, off or no. */
export function historyWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return !/^(0|false|off|no)$/i.test(env.SEED_HISTORY ?? '');
}

export async function seedDemoCounty(options: SeedOptions): Promise<SeedReport> {
  const files = readDemoFiles(options.dataDir);
  const app = tcb.init({ env: options.envId });
  const db = app.database();
  const declared = Object.keys((JSON.parse(readFileSync(collectionsFile, 'utf8')) as { collections: object }).collections);
  await ensureCollections(db, declared);
  const set = demoSeedSet(files);
  const routingIndex = await uploadRoutingIndex(app, files.tree);
  set.replace.settings?.push(routingSettingsDoc(routingIndex));
  const report: SeedReport = { created: {}, updated: {}, routingIndex };
  for (const [name, docs] of Object.entries(set.replace)) {
    const existing = await existingIds(db, name);
    await inBatches(docs, (doc) => db.collection(name).doc(doc._id).set(withoutId(doc)));
    count(report, name, docs, existing);
  }
  for (const [name, docs] of Object.entries(set.upsertFields)) {
    const existing = await existingIds(db, name);
    const createOnly = set.createOnlyFields[name] ?? [];
    await inBatches(docs, (doc) =>
      existing.has(doc._id)
        ? db
            .collection(name)
            .doc(doc._id)
            .update(withoutFields(doc, ['_id', ...createOnly]))
        : db.collection(name).add(doc),
    );
    count(report, name, docs, existing);
  }
  const marketFile = join(options.dataDir ?? dataDir, 'market.json');
  if (existsSync(marketFile)) await seedMissing(db, demoMarketDocuments(JSON.parse(readFileSync(marketFile, 'utf8')), Date.now()), report);
  await seedMissing(db, demoInformantApplications(files.people, Date.now()), report);
  if (options.history) report.history = await seedHistory(db, files, options.history === true ? {} : options.history, report);
  return report;
}

/**
 * Writes each document only where its id is missing (the 爱心超市's items, the demo resident's points, the
 * informants' approved applications): what people did since — stock redeemed, points spent, an informant
 * removed — is kept, and nothing is written twice.
 */
async function seedMissing(db: Db, collections: Record<string, SeedDocument[]>, report: SeedReport): Promise<void> {
  for (const [name, docs] of Object.entries(collections)) {
    let created = 0;
    await inBatches(docs, async (doc) => {
      const found = (await db.collection(name).doc(doc._id).get()).data as unknown;
      if (Array.isArray(found) ? found.length > 0 : Boolean(found)) return;
      await db.collection(name).doc(doc._id).set(withoutId(doc));
      created += 1;
    });
    report.created[name] = (report.created[name] ?? 0) + created;
  }
}

const HISTORY_SETTINGS_ID = 'demoHistory';

/**
 * Writes the generated history where it is missing, document by document (insert-if-absent on fixed ids:
 * what people did to a history report since is kept). The seed and end come from `settings/demoHistory`
 * when an earlier seed wrote it, so a re-seed regenerates the very same documents and writes none.
 */
async function seedHistory(db: Db, files: DemoFiles, asked: Partial<HistoryOptions>, report: SeedReport): Promise<SeedReport['history']> {
  const started = Date.now();
  const read = (await db.collection('settings').doc(HISTORY_SETTINGS_ID).get()).data as unknown;
  // The node SDK answers one document, or a list of it, depending on the version.
  const kept = (Array.isArray(read) ? read[0] : read) as Partial<HistoryOptions> | undefined;
  const options: HistoryOptions = {
    seed: kept?.seed ?? asked.seed ?? DEMO_HISTORY_SEED,
    until: kept?.until ?? asked.until ?? Date.now(),
    days: kept?.days ?? asked.days ?? DEMO_HISTORY_DAYS,
  };
  const history = demoHistory(files, options);
  const collections: Record<string, SeedDocument[]> = {
    reports: history.reports as unknown as SeedDocument[],
    pointsLedger: history.pointsLedger as unknown as SeedDocument[],
    pointsDaily: history.pointsDaily,
  };
  for (const [name, docs] of Object.entries(collections)) {
    const existing = await existingIds(db, name);
    const missing = docs.filter((doc) => !existing.has(doc._id));
    await inBatches(missing, (doc) => db.collection(name).doc(doc._id).set(withoutId(doc)));
    report.created[name] = missing.length;
  }
  if (!kept) {
    const marker = { ...options, reports: history.reports.length };
    await db.collection('settings').doc(HISTORY_SETTINGS_ID).set(marker);
    report.created.settings = (report.created.settings ?? 0) + 1;
  }
  return { ...options, reports: history.reports.length, ms: Date.now() - started };
}

/** Uploads the index under a name that is its content's version: a re-seed of the same polygons rewrites the same file. */
async function uploadRoutingIndex(app: App, tree: GridTree): Promise<SeedReport['routingIndex']> {
  const text = gridIndexText(tree);
  const version = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const fileContent = Buffer.from(text, 'utf8');
  const { fileID } = await app.uploadFile({ cloudPath: `routing/grid-index-${version}.json`, fileContent });
  return { fileID, version, bytes: fileContent.length };
}

function routingSettingsDoc(index: SeedReport['routingIndex']): SeedDocument {
  return {
    _id: 'routing',
    source: 'storageIndex',
    indexFileID: index.fileID,
    indexVersion: index.version,
    indexFormat: 'pingan-grid-index/1',
    indexBytes: index.bytes,
    maxGapM: DEFAULT_ROUTE_OPTIONS.maxGapM,
  };
}

async function ensureCollections(db: Db, names: string[]): Promise<void> {
  for (const name of names) {
    try {
      await db.createCollection(name);
    } catch (error) {
      // An existing collection is what a re-seed expects; anything else is a real failure.
      if (!/exist/i.test(String((error as { code?: string }).code ?? '') + String((error as Error).message))) throw error;
    }
  }
}

async function existingIds(db: Db, collection: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await db.collection(collection).field({ _id: true }).skip(offset).limit(1000).get();
    const rows = (page.data ?? []) as { _id: string }[];
    for (const row of rows) ids.add(row._id);
    if (rows.length < 1000) return ids;
  }
}

/** Writes every item, CONCURRENCY at a time: each writer takes the next item as soon as its last one is done. */
async function inBatches<T>(items: readonly T[], write: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const writer = async () => {
    while (next < items.length) await write(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, writer));
}

function withoutId(doc: SeedDocument): Record<string, unknown> {
  return withoutFields(doc, ['_id']);
}

function withoutFields(doc: SeedDocument, fields: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(doc).filter(([field]) => !fields.includes(field)));
}

function count(report: SeedReport, name: string, docs: SeedDocument[], existing: Set<string>): void {
  const created = docs.filter((d) => !existing.has(d._id)).length;
  report.created[name] = created;
  report.updated[name] = docs.length - created;
}

// Run as a script (not imported by tools/start.ts or the tests): `npx tsx tools/seed/seed.ts`.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  const envId = process.env.CLOUDBASE_ENV ?? process.env.SCF_NAMESPACE;
  if (!envId) {
    console.error('Set CLOUDBASE_ENV (a real environment) or SCF_NAMESPACE with TCB_CONTEXT_CNFG (the local cloud).');
    process.exit(2);
  }
  seedDemoCounty({ envId, history: historyWanted() }).then(
    (r) => console.log('seeded', JSON.stringify(r)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
