import { join } from 'node:path';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { databaseOf } from './sdk-database';

/**
 * Declared indexes serve queries: on 20,000 documents an indexed query reads only the rows its index
 * selects (the database counts rows read from SQLite), and gives the same answers as a scan.
 */

const COUNT = 20_000;
const GRIDS = 50;
let testCloud: TestCloud;

/** Document n: grid g<n % 50>, a time, tags (an array), and `place` an object or an array of them. */
function event(n: number) {
  return {
    _id: `e${n}`,
    n,
    grid: `g${n % GRIDS}`,
    at: new Date(Date.UTC(2024, 0, 1) + n * 60_000),
    tags: n % 7 === 0 ? ['urgent', `t${n % 3}`] : [`t${n % 3}`],
    place: n % 10 === 0 ? [{ kind: 'road' }, { kind: 'park' }] : { kind: n % 2 ? 'road' : 'shop' },
    flag: n % 4 === 0,
  };
}

beforeAll(async () => {
  testCloud = await startTestCloud({ databaseFile: join(__dirname, 'fixtures', 'collections.json') });
  const db = databaseOf(testCloud);
  const docs = Array.from({ length: COUNT }, (_, n) => event(n));
  for (let i = 0; i < COUNT; i += 2000) {
    await db.collection('events').add({ data: docs.slice(i, i + 2000) });
    await db.collection('events_unindexed').add({ data: docs.slice(i, i + 2000) });
  }
}, 120_000);
afterAll(async () => {
  await testCloud.stop();
});

const db = () => databaseOf(testCloud);
const _ = () => db().command;
const lastScan = () => testCloud.cloud.database.stats.lastScan;

async function ids(collection: string, where: object): Promise<string[]> {
  const { data } = await db().collection(collection).where(where).limit(1000).get();
  return (data as Array<{ _id: string }>).map((d) => d._id).sort();
}

describe('an indexed query on 20,000 documents', () => {
  it('reads only the matching rows, through the declared index', async () => {
    const { data } = await db().collection('events').where({ grid: 'g7' }).limit(1000).get();
    expect(data).toHaveLength(COUNT / GRIDS);
    expect(lastScan()).toMatchObject({ collection: 'events', index: 'x:events:by_grid_time', rowsRead: COUNT / GRIDS });
    expect(lastScan()?.plan.join('\n')).toMatch(/SEARCH .* USING (COVERING )?INDEX x:events:by_grid_time/);
  });

  it('counts from the index alone when it holds every condition, reading no document', async () => {
    const total = (await db().collection('events').where({ grid: 'g7' }).count()).total;
    expect(total).toBe(COUNT / GRIDS);
    expect(lastScan()).toMatchObject({ collection: 'events', index: 'x:events:by_grid_time', rowsRead: 0 });
  });

  it('reads every row of the same data without an index', async () => {
    await db().collection('events_unindexed').where({ grid: 'g7' }).count();
    expect(lastScan()).toMatchObject({ index: null, rowsRead: COUNT });
  });

  it('uses the primary key for _id conditions', async () => {
    expect(await ids('events', { _id: _().in(['e1', 'e2', 'nope']) })).toEqual(['e1', 'e2']);
    expect(lastScan()).toMatchObject({ index: 'primary key (_id)', rowsRead: 2 });
  });

  it('reads only the selected rows for $in and for a range combined with other conditions', async () => {
    const found = await ids('events', { grid: _().in(['g1', 'g2']), n: _().lt(1000) });
    expect(found).toHaveLength(40);
    expect(lastScan()?.rowsRead).toBe((2 * COUNT) / GRIDS);
  });
});

describe('an index-served query answers as a scan does', () => {
  const cases: Array<[string, () => object, number]> = [
    ['equality on the leading field', () => ({ grid: 'g3' }), 400],
    ['a value inside an array field', () => ({ tags: 'urgent', grid: 'g7' }), 58],
    ['$in on an array field', () => ({ tags: _().in(['urgent']), n: _().lt(3000) }), 429],
    ['a dotted path through an array of objects', () => ({ 'place.kind': 'park', n: _().lt(5000) }), 500],
    ['a dotted path with a range', () => ({ 'place.kind': _().gte('shop'), n: _().lt(500) }), 200],
    ['an anchored regular expression', () => ({ grid: /^g4/, n: _().lt(2000) }), 440],
    ['a date range on a compound index', () => ({ grid: 'g5', at: _().gte(new Date(Date.UTC(2024, 0, 5))) }), 284],
    ['a numeric range on an indexed string field', () => ({ grid: _().gt(5) }), 0],
    ['$and at the top level', () => _().and([{ grid: 'g8' }, { flag: true }]), 200],
  ];

  it.each(cases)('%s', async (_name, where, expected) => {
    const indexed = await ids('events', where());
    expect(indexed).toHaveLength(expected);
    expect(indexed).toEqual(await ids('events_unindexed', where()));
  });
});
