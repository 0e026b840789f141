import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { databaseOf } from './sdk-database';

/** aggregate() through the real wx-server-sdk. */

let testCloud: TestCloud;
const orders = [
  { _id: 'o1', user: 'u1', item: 'tea', qty: 2, price: 10, tags: ['hot', 'drink'], at: new Date('2024-01-01T00:00:00Z') },
  { _id: 'o2', user: 'u2', item: 'cake', qty: 1, price: 30, tags: ['sweet'], at: new Date('2024-01-02T00:00:00Z') },
  { _id: 'o3', user: 'u1', item: 'cake', qty: 3, price: 30, tags: ['sweet', 'hot'], at: new Date('2024-01-03T00:00:00Z') },
  { _id: 'o4', user: 'u3', item: 'tea', qty: 1, price: 10, tags: [], at: new Date('2024-01-04T00:00:00Z') },
];

beforeAll(async () => {
  testCloud = await startTestCloud();
  const db = testCloud.sdk().database();
  await db.createCollection('orders');
  await db.createCollection('users');
  await db.collection('orders').add({ data: orders });
  await db.collection('users').add({
    data: [
      { _id: 'u1', name: 'Ann' },
      { _id: 'u2', name: 'Bob' },
    ],
  });
});
afterAll(async () => {
  await testCloud.stop();
});

const db = () => databaseOf(testCloud);
const $ = () => db().command.aggregate;
const orderAggregate = () => db().collection('orders').aggregate();

describe('aggregate through the real SDK', () => {
  it('matches, groups with accumulators and sorts', async () => {
    const { list } = await orderAggregate()
      .match({ qty: db().command.gte(1) })
      .group({ _id: '$item', total: $().sum($().multiply(['$qty', '$price'])), orders: $().sum(1) })
      .sort({ total: -1 })
      .end();
    expect(list).toEqual([
      { _id: 'cake', total: 120, orders: 2 },
      { _id: 'tea', total: 30, orders: 2 },
    ]);
  });

  it('projects, adds fields, skips and limits', async () => {
    const { list } = await orderAggregate()
      .sort({ at: 1 })
      .skip(1)
      .limit(2)
      .addFields({ amount: $().multiply(['$qty', '$price']) })
      .project({ _id: 0, item: 1, amount: 1, at: 1 })
      .end();
    expect(list).toEqual([
      { item: 'cake', amount: 30, at: new Date('2024-01-02T00:00:00Z') },
      { item: 'cake', amount: 90, at: new Date('2024-01-03T00:00:00Z') },
    ]);
    expect(list[0].at).toBeInstanceOf(Date);
  });

  it('unwinds arrays and counts by value with sortByCount', async () => {
    const { list } = await orderAggregate().unwind('$tags').sortByCount('$tags').end();
    expect(list.map((r: { count: number }) => r.count)).toEqual([2, 2, 1]);
    expect([...list].sort((a: { _id: string }, b: { _id: string }) => a._id.localeCompare(b._id))).toEqual([
      { _id: 'drink', count: 1 },
      { _id: 'hot', count: 2 },
      { _id: 'sweet', count: 2 },
    ]);
  });

  it('looks up documents of another collection', async () => {
    const { list } = await orderAggregate()
      .match({ _id: 'o2' })
      .lookup({ from: 'users', localField: 'user', foreignField: '_id', as: 'buyer' })
      .end();
    expect(list).toEqual([expect.objectContaining({ _id: 'o2', buyer: [{ _id: 'u2', name: 'Bob' }] })]);
  });

  it('counts, and samples distinct documents (all of them when asked for more)', async () => {
    expect((await orderAggregate().match({ item: 'tea' }).count('n').end()).list).toEqual([{ n: 2 }]);
    const sampled = (await orderAggregate().sample({ size: 3 }).end()).list;
    expect(new Set(sampled.map((o: { _id: string }) => o._id)).size).toBe(3);
    const all = (await orderAggregate().sample({ size: 10 }).end()).list;
    expect(all.map((o: { _id: string }) => o._id).sort()).toEqual(['o1', 'o2', 'o3', 'o4']);
  });

  it('returns 20 rows when the pipeline has no limit stage, as CloudBase does', async () => {
    await db().createCollection('lots');
    await db()
      .collection('lots')
      .add({ data: Array.from({ length: 30 }, (_, n) => ({ n })) });
    expect((await db().collection('lots').aggregate().match({}).end()).list).toHaveLength(20);
    expect((await db().collection('lots').aggregate().match({}).limit(25).end()).list).toHaveLength(25);
  });

  it('fails on a missing collection with the collection-not-exist message', async () => {
    // wx-server-sdk's aggregate keeps the message but not the code (errCode -1), unlike get().
    await expect(db().collection('nowhere').aggregate().match({}).end()).rejects.toThrow(
      /collection\.aggregate:fail .*Db or Table not exist: nowhere/,
    );
  });
});
