import { join } from 'node:path';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { databaseOf } from './sdk-database';

/**
 * Compound index scans (localcloud/src/db/index-scan.ts): equality on an index's leading fields, the sort
 * on the next one, later fields as filters. A sorted page reads about a page of documents however many
 * match, keyset pages too, and a count the index holds reads none — with the answers a scan gives.
 */

const COUNT = 10_000;
const STATUSES = ['new', 'open', 'doing', 'done', 'closed'];
const BASE = Date.UTC(2025, 0, 1);
let testCloud: TestCloud;

/** Case n: one of 10 owners and 5 statuses, a distinct due time, red 0–2 h after it, one of 4 categories. */
function kase(n: number) {
  const due = BASE + ((n * 7919) % COUNT) * 60_000;
  return {
    _id: `c${String(n).padStart(5, '0')}`,
    owner: `o${n % 10}`,
    status: STATUSES[Math.floor(n / 10) % 5],
    due,
    red: due + (n % 3) * 3_600_000,
    cat: `k${n % 4}`,
    support: n % 13,
  };
}

beforeAll(async () => {
  testCloud = await startTestCloud({ databaseFile: join(__dirname, 'fixtures', 'collections.json') });
  const db = databaseOf(testCloud);
  const docs = Array.from({ length: COUNT }, (_, n) => kase(n));
  for (let i = 0; i < COUNT; i += 2000) {
    await db.collection('cases').add({ data: docs.slice(i, i + 2000) });
    await db.collection('cases_unindexed').add({ data: docs.slice(i, i + 2000) });
  }
}, 120_000);
afterAll(async () => {
  await testCloud.stop();
});

const db = () => databaseOf(testCloud);
const _ = () => db().command;
const lastScan = () => testCloud.cloud.database.stats.lastScan;
type Case = ReturnType<typeof kase>;

async function page(collection: string, where: object, orderBy: [string, 'asc' | 'desc'][], limit: number): Promise<Case[]> {
  let query = db().collection(collection).where(where);
  for (const [field, direction] of orderBy) query = query.orderBy(field, direction);
  return (await query.limit(limit).get()).data as Case[];
}

const BY_DUE: [string, 'asc' | 'desc'][] = [
  ['due', 'asc'],
  ['_id', 'asc'],
];
const BY_SUPPORT: [string, 'asc' | 'desc'][] = [
  ['support', 'desc'],
  ['_id', 'desc'],
];

describe('a page sorted by an indexed field', () => {
  it('reads one page of documents across every combination of $in values, and answers as a scan', async () => {
    const where = () => ({ owner: _().in(['o1', 'o2', 'o3']), status: _().in(['new', 'open', 'doing']) });
    const indexed = await page('cases', where(), BY_DUE, 21);
    expect(lastScan()).toMatchObject({ index: 'x:cases:by_owner_status_due', rowsRead: 21 });
    expect(indexed).toEqual(await page('cases_unindexed', where(), BY_DUE, 21));
  });

  it('reads one page after a keyset bound, however deep', async () => {
    const after = (last: Case) => _().or([{ support: _().lt(last.support) }, { support: last.support, _id: _().lt(last._id) }]);
    const base = { owner: 'o4', status: _().in(['new', 'open']) };
    const all = await page('cases_unindexed', base, BY_SUPPORT, 1000);
    const seen: Case[] = [];
    let last: Case | undefined;
    do {
      const rows = await page('cases', last ? _().and([base, after(last)]) : base, BY_SUPPORT, 11);
      expect(lastScan()?.rowsRead).toBeLessThanOrEqual(11);
      seen.push(...rows.slice(0, 10));
      last = rows.length > 10 ? rows[9] : undefined;
    } while (last);
    expect(seen.map((c) => c._id)).toEqual(all.map((c) => c._id));
  });

  it('checks later index fields on the index, reading only the documents that match them', async () => {
    const where = () => ({
      owner: 'o5',
      status: _().in(['new', 'doing']),
      due: _().lt(BASE + 6_000 * 60_000),
      red: _().gte(BASE + 5_000 * 60_000),
      cat: 'k1',
    });
    const indexed = await page('cases', where(), BY_DUE, 5);
    expect(lastScan()).toMatchObject({ index: 'x:cases:by_owner_status_due', rowsRead: indexed.length });
    expect(indexed).toEqual(await page('cases_unindexed', where(), BY_DUE, 5));
  });

  it('still answers as a scan when a condition lies outside the index (reading the documents it passes over)', async () => {
    const where = () => ({ owner: 'o6', status: 'open', support: _().gt(6) });
    const indexed = await page('cases', where(), BY_DUE, 5);
    expect(indexed).toEqual(await page('cases_unindexed', where(), BY_DUE, 5));
    expect(lastScan()?.rowsRead).toBeGreaterThan(5);
  });
});

describe('a count the index holds', () => {
  it('reads no document, and agrees with a scan', async () => {
    const where = () => ({ owner: _().in(['o1', 'o7']), status: _().in(['new', 'closed']), due: _().gte(BASE + 2_500 * 60_000) });
    const { total } = await db().collection('cases').where(where()).count();
    expect(lastScan()).toMatchObject({ index: 'x:cases:by_owner_status_due', rowsRead: 0 });
    expect(total).toBe((await db().collection('cases_unindexed').where(where()).count()).total);
    expect(total).toBeGreaterThan(0);
  });

  it('reads only the documents a later field lets through when the index cannot decide alone (arrays)', async () => {
    const where = () => ({ owner: 'o2', status: 'done', cat: 'k2' });
    const { total } = await db().collection('cases').where(where()).count();
    expect(lastScan()).toMatchObject({ index: 'x:cases:by_owner_status_due', rowsRead: total });
    expect(total).toBe((await db().collection('cases_unindexed').where(where()).count()).total);
  });
});

describe('an array where the index expects one value', () => {
  it('falls back to reading what the leading field selects, and answers as a scan', async () => {
    const odd = { _id: 'x-array', owner: ['o8', 'o9'], status: 'new', due: BASE, red: BASE, cat: 'k0', support: 0 };
    await db().collection('cases').add({ data: odd });
    await db().collection('cases_unindexed').add({ data: odd });
    const where = () => ({ owner: 'o8', status: 'new' });
    const indexed = await page('cases', where(), BY_DUE, 3);
    expect(indexed[0]?._id).toBe('x-array');
    expect(indexed).toEqual(await page('cases_unindexed', where(), BY_DUE, 3));
    expect((await db().collection('cases').where(where()).count()).total).toBe(
      (await db().collection('cases_unindexed').where(where()).count()).total,
    );
  });
});
