/**
 * Seeds a CloudBase environment — the local cloud or a real one — with the demo county, through
 * @cloudbase/node-sdk as an admin tool would. Idempotent: reference data is rewritten, people are created
 * once and later only refreshed field by field, so a resident's joined grid and reports survive a re-seed.
 *
 *   npx tsx tools/seed/seed.ts            (uses TCB_CONTEXT_CNFG / SCF_NAMESPACE, as set by `npm start`)
 *   CLOUDBASE_ENV=… TENCENTCLOUD_SECRETID=… TENCENTCLOUD_SECRETKEY=… npx tsx tools/seed/seed.ts
 */
import tcb from '@cloudbase/node-sdk';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { demoSeedSet, type DemoFiles, type SeedDocument } from './demo-documents';

const dataDir = resolve(__dirname, '../../data/demo-county');
const collectionsFile = resolve(__dirname, '../../database/collections.json');

export function readDemoFiles(dir = dataDir): DemoFiles {
  const read = (name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as never;
  return {
    regions: read('regions.geojson'),
    categories: read('categories.json'),
    services: read('services.json'),
    people: read('people.json'),
  };
}

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

export interface SeedReport {
  created: Record<string, number>;
  updated: Record<string, number>;
}

export async function seedDemoCounty(options: { envId: string }): Promise<SeedReport> {
  const app = tcb.init({ env: options.envId });
  const db = app.database();
  const declared = Object.keys((JSON.parse(readFileSync(collectionsFile, 'utf8')) as { collections: object }).collections);
  await ensureCollections(db, declared);
  const set = demoSeedSet(readDemoFiles());
  const report: SeedReport = { created: {}, updated: {} };
  for (const [name, docs] of Object.entries(set.replace)) {
    const existing = await existingIds(db, name);
    for (const doc of docs) await db.collection(name).doc(doc._id).set(withoutId(doc));
    count(report, name, docs, existing);
  }
  for (const [name, docs] of Object.entries(set.upsertFields)) {
    const existing = await existingIds(db, name);
    for (const doc of docs) {
      if (existing.has(doc._id)) await db.collection(name).doc(doc._id).update(withoutId(doc));
      else await db.collection(name).add(doc);
    }
    count(report, name, docs, existing);
  }
  return report;
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

function withoutId(doc: SeedDocument): Record<string, unknown> {
  const { _id: _ignored, ...rest } = doc;
  return rest;
}

function count(report: SeedReport, name: string, docs: SeedDocument[], existing: Set<string>): void {
  const created = docs.filter((d) => !existing.has(d._id)).length;
  report.created[name] = created;
  report.updated[name] = docs.length - created;
}

if (require.main === module) {
  const envId = process.env.CLOUDBASE_ENV ?? process.env.SCF_NAMESPACE;
  if (!envId) {
    console.error('Set CLOUDBASE_ENV (a real environment) or SCF_NAMESPACE with TCB_CONTEXT_CNFG (the local cloud).');
    process.exit(2);
  }
  seedDemoCounty({ envId }).then(
    (r) => console.log('seeded', JSON.stringify(r)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
