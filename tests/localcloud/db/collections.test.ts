import { join } from 'node:path';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { databaseOf } from './sdk-database';

/** Collections and unique indexes, through the real wx-server-sdk. */

let testCloud: TestCloud;
beforeAll(async () => {
  testCloud = await startTestCloud({ databaseFile: join(__dirname, 'fixtures', 'collections.json') });
});
afterAll(async () => {
  await testCloud.stop();
});

const db = () => databaseOf(testCloud);

describe('collections', () => {
  it('creates the collections the collections file declares', () => {
    expect(testCloud.cloud.database.collections()).toEqual(['accounts', 'cases', 'cases_unindexed', 'events', 'events_unindexed']);
  });

  it('creates a collection once; a second createCollection fails as CloudBase does', async () => {
    await expect(db().createCollection('notes')).resolves.toMatchObject({ errMsg: 'createCollection:ok' });
    await expect(db().createCollection('notes')).rejects.toThrow('[ResourceUnavailable.ResourceExist] Table exist: notes.');
    expect(testCloud.cloud.database.collections()).toContain('notes');
  });

  it('fails every operation on a missing collection with DATABASE_COLLECTION_NOT_EXIST (-502005)', async () => {
    const missing = db().collection('missing');
    const notExist = { errCode: -502005 };
    await expect(missing.add({ data: { a: 1 } })).rejects.toMatchObject(notExist);
    await expect(missing.get()).rejects.toMatchObject(notExist);
    await expect(missing.doc('x').get()).rejects.toMatchObject(notExist);
    await expect(missing.count()).rejects.toMatchObject(notExist);
    await expect(missing.doc('x').update({ data: { a: 1 } })).rejects.toMatchObject(notExist);
    await expect(missing.where({ a: 1 }).remove()).rejects.toMatchObject(notExist);
    await expect(missing.doc('x').get()).rejects.toThrow(/Db or Table not exist: missing/);
    expect(testCloud.cloud.database.collections()).not.toContain('missing');
  });
});

describe('unique indexes', () => {
  const accounts = () => db().collection('accounts');
  const duplicate = {
    errCode: -502001,
    message: expect.stringMatching(/E11000 duplicate key error collection: accounts index: by_openid dup key: \{ openid: "o-1" \}/),
  };

  beforeAll(async () => {
    await accounts().add({
      data: [
        { _id: 'a1', openid: 'o-1', region: 'hz', phone: '1' },
        { _id: 'a2', openid: 'o-2', region: 'hz', phone: '2' },
      ],
    });
  });

  it('refuses an add with a taken key, and the document is not stored', async () => {
    await expect(accounts().add({ data: { _id: 'a3', openid: 'o-1' } })).rejects.toMatchObject(duplicate);
    await expect(accounts().doc('a3').get()).rejects.toThrow(/does not exist/);
  });

  it('refuses an update or a set that would take another document key', async () => {
    await expect(
      accounts()
        .doc('a2')
        .update({ data: { openid: 'o-1' } }),
    ).rejects.toMatchObject(duplicate);
    await expect(
      accounts()
        .doc('a2')
        .set({ data: { openid: 'o-1' } }),
    ).rejects.toMatchObject(duplicate);
    await expect(
      accounts()
        .where({ _id: 'a2' })
        .update({ data: { openid: 'o-1' } }),
    ).rejects.toMatchObject(duplicate);
    expect((await accounts().doc('a2').get()).data.openid).toBe('o-2');
  });

  it('lets a document keep its own key when other fields change', async () => {
    await expect(
      accounts()
        .doc('a1')
        .update({ data: { nickname: 'Ann' } }),
    ).resolves.toMatchObject({ stats: { updated: 1 } });
  });

  it('enforces a compound key as a whole', async () => {
    await expect(accounts().add({ data: { openid: 'o-5', region: 'nb', phone: '1' } })).resolves.toBeDefined();
    await expect(accounts().add({ data: { openid: 'o-6', region: 'hz', phone: '1' } })).rejects.toThrow(
      /index: by_region_phone dup key: \{ region: "hz", phone: "1" \}/,
    );
  });

  it('treats a missing field as null, so a second document without the key collides (as in MongoDB)', async () => {
    await accounts().add({ data: { _id: 'no-openid-1', region: 'x', phone: 'x1' } });
    await expect(accounts().add({ data: { _id: 'no-openid-2', region: 'x', phone: 'x2' } })).rejects.toThrow(
      /index: by_openid dup key: \{ openid: null \}/,
    );
  });

  it('rolls back a whole batch when one document of it is refused', async () => {
    await expect(
      accounts().add({
        data: [
          { _id: 'b1', openid: 'o-7' },
          { _id: 'b2', openid: 'o-7' },
        ],
      }),
    ).rejects.toMatchObject({ errCode: -502001 });
    await expect(accounts().doc('b1').get()).rejects.toThrow(/does not exist/);
  });
});
