import { calculateObjectSize } from 'bson';
import { bsonSize } from '../../../localcloud/src/db/document-size';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { databaseOf, type SdkTransaction } from './sdk-database';

/**
 * Writes MongoDB refuses, refused here too through the real wx-server-sdk (errCode -502001,
 * DATABASE_REQUEST_FAILED, MongoDB's message): update operators on a field of the wrong type, and
 * documents over BSON's 16 MiB. A refused where().update() changes no document.
 */

let testCloud: TestCloud;
beforeAll(async () => {
  testCloud = await startTestCloud();
  await databaseOf(testCloud).createCollection('things');
});
afterAll(async () => {
  await testCloud.stop();
});

const db = () => databaseOf(testCloud);
const _ = () => db().command;
const things = () => db().collection('things');
const read = async (id: string) => (await things().doc(id).get()).data as Record<string, unknown>;
const refused = (message: RegExp) => ({ errCode: -502001, errMsg: expect.stringMatching(message) });

const MB = 1024 * 1024;
const text = (bytes: number) => 'x'.repeat(bytes);

describe('update operators on a field of the wrong type', () => {
  const cases: Array<[string, Record<string, unknown>, () => object, RegExp]> = [
    [
      '$inc on a string',
      { f: 'seven' },
      () => ({ f: _().inc(1) }),
      /Cannot apply \$inc to a value of non-numeric type\. \{_id: "\w+"\} has the field 'f' of non-numeric type string/,
    ],
    ['$inc on null', { f: null }, () => ({ f: _().inc(1) }), /Cannot apply \$inc to a value of non-numeric type.*of non-numeric type null/],
    ['$inc with a string', { f: 1 }, () => ({ f: _().inc('1') }), /Cannot increment with non-numeric argument: \{f: "1"\}/],
    ['$mul on a string', { f: 'seven' }, () => ({ f: _().mul(2) }), /Cannot apply \$mul to a value of non-numeric type/],
    [
      '$push onto a string',
      { f: 'seven' },
      () => ({ f: _().push(['x']) }),
      /The field 'f' must be an array but is of type string in document \{_id: "\w+"\}/,
    ],
    [
      '$addToSet onto a number',
      { f: 7 },
      () => ({ f: _().addToSet('x') }),
      /Cannot apply \$addToSet to non-array field\. Field named 'f' has non-array type int/,
    ],
    ['$pull from a string', { f: 'seven' }, () => ({ f: _().pull('s') }), /Cannot apply \$pull to a non-array value/],
    ['$pullAll from a string', { f: 'seven' }, () => ({ f: _().pullAll(['s']) }), /Cannot apply \$pull to a non-array value/],
    ['$pop from a string', { f: 'seven' }, () => ({ f: _().pop() }), /Path 'f' contains an element of non-array type 'string'/],
    ['$shift from an object', { f: { a: 1 } }, () => ({ f: _().shift() }), /Path 'f' contains an element of non-array type 'object'/],
    ['a field inside a string', { f: 'seven' }, () => ({ f: { inner: 1 } }), /Cannot create field 'inner' in element \{f: "seven"\}/],
    ['$rename onto itself', { f: 1 }, () => ({ f: _().rename('f') }), /The source and target field for \$rename must differ/],
  ];

  it.each(cases)('refuses %s and leaves the document as it was', async (_name, fields, update, message) => {
    const id = `t${cases.findIndex(([name]) => name === _name)}`;
    await things().doc(id).set({ data: fields });
    await expect(things().doc(id).update({ data: update() })).rejects.toMatchObject(refused(message));
    expect(await read(id)).toEqual({ _id: id, ...fields });
  });

  it('refuses a where().update() whole when one match refuses it: no document changes', async () => {
    await things().add({
      data: [
        { _id: 'w1', batch: 'w', n: 1 },
        { _id: 'w2', batch: 'w', n: 'two' },
        { _id: 'w3', batch: 'w', n: 3 },
      ],
    });
    const outcome = things()
      .where({ batch: 'w' })
      .update({ data: { n: _().inc(10) } });
    await expect(outcome).rejects.toMatchObject(refused(/Cannot apply \$inc to a value of non-numeric type/));
    const { data } = await things().where({ batch: 'w' }).orderBy('_id', 'asc').get();
    expect(data.map((doc: { n: unknown }) => doc.n)).toEqual([1, 'two', 3]);
  });

  it('refuses it inside a transaction at that write, which ends the transaction with nothing applied', async () => {
    await things().add({
      data: [
        { _id: 'tx-a', n: 1 },
        { _id: 'tx-b', tags: 'not a list' },
      ],
    });
    const outcome = db().runTransaction(async (tx: SdkTransaction) => {
      await tx
        .collection('things')
        .doc('tx-a')
        .update({ data: { n: _().inc(1) } });
      await tx
        .collection('things')
        .doc('tx-b')
        .update({ data: { tags: _().push(['x']) } });
    });
    await expect(outcome).rejects.toMatchObject(refused(/The field 'tags' must be an array but is of type string/));
    expect(await read('tx-a')).toEqual({ _id: 'tx-a', n: 1 });
    expect(testCloud.cloud.database.openTransactions()).toBe(0);
  });

  it('still applies each operator to the types it takes, and creates missing fields', async () => {
    await things()
      .doc('ok')
      .set({ data: { n: 1, list: [1], nested: { a: 1 } } });
    await things()
      .doc('ok')
      .update({ data: { n: _().inc(2), list: _().push([2]), fresh: _().inc(5), nested: { b: _().mul(3) }, more: _().addToSet('x') } });
    expect(await read('ok')).toEqual({ _id: 'ok', n: 3, list: [1, 2], fresh: 5, nested: { a: 1, b: 0 }, more: ['x'] });
  });
});

describe('documents over 16 MiB', () => {
  it('measures a document as BSON does', () => {
    const doc = {
      _id: 'm',
      s: 'héllo',
      n: 1,
      d: 1.5,
      big: 2 ** 40,
      b: true,
      z: null,
      arr: [1, 'x', { y: [] }],
      o: { at: new Date(), re: /ab+/i },
    };
    expect(bsonSize(doc)).toBe(calculateObjectSize(doc));
  });

  it('refuses to add one, and stores nothing', async () => {
    await expect(things().add({ data: { _id: 'huge', blob: text(16 * MB) } })).rejects.toMatchObject(
      refused(/object to insert too large\. size in bytes: 167772\d\d, max size: 16777216/),
    );
    await expect(things().doc('huge').get()).rejects.toThrow(/does not exist/);
  });

  it('refuses an update that grows one past the limit, and keeps it as it was', async () => {
    await things()
      .doc('growing')
      .set({ data: { a: text(6 * MB), b: text(6 * MB) } });
    await expect(
      things()
        .doc('growing')
        .update({ data: { c: text(5 * MB) } }),
    ).rejects.toMatchObject(refused(/Resulting document after update is larger than 16777216/));
    expect(Object.keys(await read('growing'))).toEqual(['_id', 'a', 'b']);
  });

  it('refuses it inside a transaction at that write', async () => {
    await things()
      .doc('tx-growing')
      .set({ data: { a: text(10 * MB) } });
    const outcome = db().runTransaction(async (tx: SdkTransaction) => {
      await tx
        .collection('things')
        .doc('tx-growing')
        .update({ data: { b: text(7 * MB) } });
    });
    await expect(outcome).rejects.toMatchObject(refused(/Resulting document after update is larger than 16777216/));
    expect(Object.keys(await read('tx-growing'))).toEqual(['_id', 'a']);
  });
});
