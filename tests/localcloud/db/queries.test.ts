import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { databaseOf } from './sdk-database';

/** Queries through the real wx-server-sdk: what where/orderBy/skip/limit/field/count return. */

let testCloud: TestCloud;
const people = [
  {
    _id: 'ann',
    name: 'Ann',
    age: 30,
    city: 'Hangzhou',
    tags: ['a', 'b'],
    address: { zip: '310000', street: 'West Lake Rd' },
    scores: [
      { k: 'math', v: 90 },
      { k: 'art', v: 60 },
    ],
    joined: new Date('2024-01-02T00:00:00Z'),
  },
  {
    _id: 'bob',
    name: 'Bob',
    age: 25,
    city: 'Ningbo',
    tags: ['b'],
    address: { zip: '315000', street: 'Harbour St' },
    scores: [{ k: 'math', v: 70 }],
    joined: new Date('2024-03-01T00:00:00Z'),
  },
  {
    _id: 'cy',
    name: 'Cy',
    age: 35,
    city: 'Hangzhou',
    tags: [],
    address: { zip: '310012', street: 'Canal Rd' },
    scores: [{ k: 'art', v: 95 }],
    joined: new Date('2023-06-15T00:00:00Z'),
    vip: true,
  },
  {
    _id: 'dee',
    name: 'dee',
    age: 25,
    city: 'Wenzhou',
    tags: ['a', 'b', 'c'],
    address: { zip: '325000', street: 'River Rd' },
    scores: [],
    joined: new Date('2024-05-20T00:00:00Z'),
  },
];

beforeAll(async () => {
  testCloud = await startTestCloud();
  const db = testCloud.sdk().database();
  await db.createCollection('people');
  await db.collection('people').add({ data: people });
});
afterAll(async () => {
  await testCloud.stop();
});

const db = () => databaseOf(testCloud);
const _ = () => db().command;
async function idsWhere(where: object): Promise<string[]> {
  const { data } = await db().collection('people').where(where).get();
  return (data as Array<{ _id: string }>).map((d) => d._id).sort();
}

describe('where through the real SDK', () => {
  it('compares with eq, neq, gt, gte, lt and lte', async () => {
    expect(await idsWhere({ age: _().eq(25) })).toEqual(['bob', 'dee']);
    expect(await idsWhere({ age: _().neq(25) })).toEqual(['ann', 'cy']);
    expect(await idsWhere({ age: _().gt(25).and(_().lt(35)) })).toEqual(['ann']);
    expect(await idsWhere({ age: _().gte(30) })).toEqual(['ann', 'cy']);
    expect(await idsWhere({ age: _().lte(25) })).toEqual(['bob', 'dee']);
  });

  it('selects with in and nin', async () => {
    expect(await idsWhere({ city: _().in(['Ningbo', 'Wenzhou']) })).toEqual(['bob', 'dee']);
    expect(await idsWhere({ city: _().nin(['Hangzhou']) })).toEqual(['bob', 'dee']);
  });

  it('combines with and, or, nor and not', async () => {
    expect(await idsWhere(_().or([{ age: 35 }, { city: 'Ningbo' }]))).toEqual(['bob', 'cy']);
    expect(await idsWhere(_().and([{ city: 'Hangzhou' }, { age: _().gt(30) }]))).toEqual(['cy']);
    expect(await idsWhere(_().nor([{ city: 'Hangzhou' }, { age: 25 }]))).toEqual([]);
    expect(await idsWhere({ age: _().not(_().gt(25)) })).toEqual(['bob', 'dee']);
  });

  it('checks exists, size, all and elemMatch on arrays', async () => {
    expect(await idsWhere({ vip: _().exists(true) })).toEqual(['cy']);
    expect(await idsWhere({ tags: _().size(0) })).toEqual(['cy']);
    expect(await idsWhere({ tags: _().all(['a', 'b']) })).toEqual(['ann', 'dee']);
    expect(await idsWhere({ scores: _().elemMatch({ k: 'math', v: _().gte(80) }) })).toEqual(['ann']);
  });

  it('matches an array field holding the value, and dotted paths into objects and arrays', async () => {
    expect(await idsWhere({ tags: 'c' })).toEqual(['dee']);
    expect(await idsWhere({ 'address.zip': '310000' })).toEqual(['ann']);
    expect(await idsWhere({ address: { zip: '315000' } })).toEqual(['bob']);
    expect(await idsWhere({ 'scores.k': 'art' })).toEqual(['ann', 'cy']);
  });

  it('matches regular expressions from db.RegExp and from JavaScript', async () => {
    expect(await idsWhere({ name: db().RegExp({ regexp: '^d', options: 'i' }) })).toEqual(['dee']);
    expect(await idsWhere({ 'address.street': /Rd$/ })).toEqual(['ann', 'cy', 'dee']);
  });

  it('compares dates and returns them as Date objects', async () => {
    const { data } = await db()
      .collection('people')
      .where({ joined: _().gte(new Date('2024-03-01T00:00:00Z')) })
      .orderBy('joined', 'asc')
      .get();
    expect(data.map((d: { _id: string }) => d._id)).toEqual(['bob', 'dee']);
    expect(data[0].joined).toBeInstanceOf(Date);
    expect(data[0].joined.toISOString()).toBe('2024-03-01T00:00:00.000Z');
  });
});

describe('orderBy, skip, limit, field and count', () => {
  it('orders by several fields in turn', async () => {
    const { data } = await db().collection('people').orderBy('age', 'desc').orderBy('name', 'asc').get();
    expect(data.map((d: { _id: string }) => d._id)).toEqual(['cy', 'ann', 'bob', 'dee']);
  });

  it('pages with skip and limit after ordering', async () => {
    const { data } = await db().collection('people').orderBy('age', 'asc').orderBy('_id', 'asc').skip(1).limit(2).get();
    expect(data.map((d: { _id: string }) => d._id)).toEqual(['dee', 'ann']);
  });

  it('returns only the fields asked for, with _id', async () => {
    const { data } = await db().collection('people').where({ _id: 'ann' }).field({ name: true, 'address.zip': true }).get();
    expect(data).toEqual([{ _id: 'ann', name: 'Ann', address: { zip: '310000' } }]);
  });

  it('applies field() to doc().get()', async () => {
    const { data } = await db().collection('people').doc('bob').field({ age: true }).get();
    expect(data).toEqual({ _id: 'bob', age: 25 });
  });

  it('counts the matches, not a page of them', async () => {
    expect((await db().collection('people').where({ tags: 'b' }).count()).total).toBe(3);
    expect((await db().collection('people').count()).total).toBe(4);
  });

  it('rejects doc().get() of a missing document as the SDK does', async () => {
    await expect(db().collection('people').doc('nobody').get()).rejects.toThrow(
      'document.get:fail document with _id nobody does not exist',
    );
  });
});

describe('server-side limits', () => {
  beforeAll(async () => {
    await db().createCollection('many');
    const docs = Array.from({ length: 1100 }, (_, i) => ({ n: i }));
    for (let i = 0; i < docs.length; i += 275)
      await db()
        .collection('many')
        .add({ data: docs.slice(i, i + 275) });
  });

  it('returns 100 documents when no limit is given', async () => {
    expect((await db().collection('many').get()).data).toHaveLength(100);
  });

  it('returns at most 1000 documents however many are asked for', async () => {
    expect((await db().collection('many').limit(5000).get()).data).toHaveLength(1000);
    expect((await db().collection('many').orderBy('n', 'desc').limit(3).get()).data.map((d: { n: number }) => d.n)).toEqual([
      1099, 1098, 1097,
    ]);
  });

  it('caps a raw request that asks for more than 1000 (the SDK caps before sending)', async () => {
    const ask = async (extra: object) => {
      const response = await fetch(`${testCloud.cloud.url}/admin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ action: 'database.getDocument', collectionName: 'many', queryType: 'WHERE', ...extra }),
      });
      return ((await response.json()) as { data: { list: string[] } }).data.list.length;
    };
    expect(await ask({ limit: 5000 })).toBe(1000);
    expect(await ask({})).toBe(100);
  });
});
