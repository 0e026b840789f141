import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { databaseOf } from './sdk-database';

/** Writes through the real wx-server-sdk: add, update operators, set, where-update/remove, serverDate. */

let testCloud: TestCloud;
beforeAll(async () => {
  testCloud = await startTestCloud();
  await testCloud.sdk().database().createCollection('things');
});
afterAll(async () => {
  await testCloud.stop();
});

const db = () => databaseOf(testCloud);
const _ = () => db().command;
const things = () => db().collection('things');
async function fresh(id: string, data: object): Promise<void> {
  await things().doc(id).set({ data });
}
async function read(id: string): Promise<Record<string, unknown>> {
  return (await things().doc(id).get()).data as Record<string, unknown>;
}

describe('add', () => {
  it('generates 32-hex ids with the creation time in digits 9-16, as CloudBase ids have', async () => {
    const before = Math.floor(Date.now() / 1000);
    const { _id } = await things().add({ data: { kind: 'generated' } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
    expect(Math.abs(parseInt(_id.slice(8, 16), 16) - before)).toBeLessThanOrEqual(2);
  });

  it('keeps a given _id and returns the ids of a batch', async () => {
    const { _ids } = await things().add({ data: [{ _id: 'given-1' }, { _id: 'given-2' }] });
    expect(_ids).toEqual(['given-1', 'given-2']);
    expect(await read('given-2')).toEqual({ _id: 'given-2' });
  });

  it('refuses a second document with the same _id and keeps the first', async () => {
    await things().add({ data: { _id: 'once', v: 1 } });
    await expect(things().add({ data: { _id: 'once', v: 2 } })).rejects.toThrow(/E11000 duplicate key.*_id_/);
    expect(await read('once')).toEqual({ _id: 'once', v: 1 });
  });
});

describe('update operators', () => {
  it('increments, multiplies, takes min and max, renames and removes fields', async () => {
    await fresh('n', { count: 1, price: 10, low: 5, high: 5, old: 'x', gone: true });
    const result = await things()
      .doc('n')
      .update({
        data: { count: _().inc(2), price: _().mul(3), low: _().min(2), high: _().max(9), old: _().rename('renamed'), gone: _().remove() },
      });
    expect(result.stats).toEqual({ updated: 1 });
    expect(await read('n')).toEqual({ _id: 'n', count: 3, price: 30, low: 2, high: 9, renamed: 'x' });
  });

  it('pushes with each, position and slice; pops, shifts and unshifts', async () => {
    await fresh('arr', { a: [1, 2, 3], b: [1, 2, 3], c: [1, 2, 3], d: [3] });
    await things()
      .doc('arr')
      .update({
        data: { a: _().push({ each: [8, 9], position: 1, slice: 4 }), b: _().pop(), c: _().shift(), d: _().unshift([1, 2]) },
      });
    expect(await read('arr')).toEqual({ _id: 'arr', a: [1, 8, 9, 2], b: [1, 2], c: [2, 3], d: [1, 2, 3] });
  });

  it('pulls by value and by condition, pulls all, and adds to a set once', async () => {
    await fresh('set', { tags: ['a', 'b', 'a'], nums: [1, 5, 9], more: [1, 2, 3, 2], uniq: ['x'] });
    await things()
      .doc('set')
      .update({
        data: { tags: _().pull('a'), nums: _().pull(_().gt(4)), more: _().pullAll([2, 3]), uniq: _().addToSet('x') },
      });
    await things()
      .doc('set')
      .update({ data: { uniq: _().addToSet({ each: ['y', 'x', 'z'] }) } });
    expect(await read('set')).toEqual({ _id: 'set', tags: ['b'], nums: [1], more: [1], uniq: ['x', 'y', 'z'] });
  });

  it('updates only the named nested fields of a plain object, but replaces the field with _.set', async () => {
    await fresh('nest', { profile: { name: 'A', city: 'Hangzhou' }, prefs: { a: 1, b: 2 } });
    await things()
      .doc('nest')
      .update({ data: { profile: { city: 'Ningbo' }, prefs: _().set({ c: 3 }) } });
    expect(await read('nest')).toEqual({ _id: 'nest', profile: { name: 'A', city: 'Ningbo' }, prefs: { c: 3 } });
    await things()
      .doc('nest')
      .update({ data: { 'profile.zip': '315000' } });
    expect((await read('nest')).profile).toEqual({ name: 'A', city: 'Ningbo', zip: '315000' });
  });

  it('stamps serverDate with the server clock, as a Date, offset included', async () => {
    const before = Date.now();
    await things()
      .doc('stamp')
      .set({ data: { at: db().serverDate(), later: db().serverDate({ offset: 60_000 }) } });
    const { at, later } = (await read('stamp')) as { at: Date; later: Date };
    expect(at).toBeInstanceOf(Date);
    expect(at.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(at.getTime()).toBeLessThanOrEqual(Date.now() + 5);
    expect(later.getTime() - at.getTime()).toBe(60_000);
  });

  it('reports updated 0 for a missing document and for a change that changes nothing', async () => {
    expect(
      (
        await things()
          .doc('absent')
          .update({ data: { x: 1 } })
      ).stats,
    ).toEqual({ updated: 0 });
    await fresh('same', { x: 1 });
    expect(
      (
        await things()
          .doc('same')
          .update({ data: { x: 1 } })
      ).stats,
    ).toEqual({ updated: 0 });
  });
});

describe('set', () => {
  it('creates a missing document (created 1) and replaces an existing one whole (updated 1)', async () => {
    const created = await things()
      .doc('s1')
      .set({ data: { a: 1, b: { c: 2 } } });
    expect(created).toMatchObject({ _id: 's1', stats: { updated: 0, created: 1 } });
    const replaced = await things()
      .doc('s1')
      .set({ data: { z: 9 } });
    expect(replaced).toMatchObject({ _id: 's1', stats: { updated: 1, created: 0 } });
    expect(await read('s1')).toEqual({ _id: 's1', z: 9 });
  });
});

describe('where().update() and where().remove()', () => {
  beforeAll(async () => {
    await db().createCollection('batch');
    await db()
      .collection('batch')
      .add({ data: [1, 2, 3, 4, 5].map((n) => ({ _id: `b${n}`, n, group: n % 2 ? 'odd' : 'even' })) });
  });

  it('updates every match and says how many', async () => {
    const { stats } = await db()
      .collection('batch')
      .where({ group: 'odd' })
      .update({ data: { flagged: true } });
    expect(stats).toEqual({ updated: 3 });
    expect((await db().collection('batch').where({ flagged: true }).count()).total).toBe(3);
  });

  it('removes every match and says how many', async () => {
    const { stats } = await db()
      .collection('batch')
      .where({ n: _().gte(4) })
      .remove();
    expect(stats).toEqual({ removed: 2 });
    const { data } = await db().collection('batch').orderBy('n', 'asc').get();
    expect(data.map((d: { _id: string }) => d._id)).toEqual(['b1', 'b2', 'b3']);
  });

  it('removes one document by id and reports 0 for a missing one', async () => {
    expect((await db().collection('batch').doc('b1').remove({})).stats).toEqual({ removed: 1 });
    expect((await db().collection('batch').doc('b1').remove({})).stats).toEqual({ removed: 0 });
  });
});
