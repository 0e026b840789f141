import { join } from 'node:path';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { databaseOf, type SdkTransaction } from './sdk-database';

/** Transactions through the real wx-server-sdk: runTransaction, startTransaction, isolation, conflicts. */

let testCloud: TestCloud;
beforeAll(async () => {
  testCloud = await startTestCloud({ databaseFile: join(__dirname, 'fixtures', 'collections.json') });
  await databaseOf(testCloud).createCollection('counters');
});
afterAll(async () => {
  await testCloud.stop();
});

const db = () => databaseOf(testCloud);
const counters = () => db().collection('counters');
async function valueOf(id: string): Promise<unknown> {
  return (await counters().doc(id).get()).data.value;
}

describe('runTransaction', () => {
  it('commits reads and single-document writes together and returns the callback result', async () => {
    await counters().add({ data: [{ _id: 'from', value: 10 }, { _id: 'gone', value: 1 }] });
    const moved = await db().runTransaction(async (tx: SdkTransaction) => {
      const from = (await tx.collection('counters').doc('from').get()).data;
      await tx.collection('counters').doc('from').update({ data: { value: from.value - 4 } });
      await tx.collection('counters').doc('to').set({ data: { value: 4 } });
      await tx.collection('counters').add({ data: { _id: 'log-1', value: 'moved 4' } });
      await tx.collection('counters').doc('gone').remove();
      return 4;
    });
    expect(moved).toBe(4);
    expect(await valueOf('from')).toBe(6);
    expect(await valueOf('to')).toBe(4);
    expect(await valueOf('log-1')).toBe('moved 4');
    await expect(counters().doc('gone').get()).rejects.toThrow(/does not exist/);
  });

  it('ends exactly 20 higher after 20 concurrent read-then-write increments', async () => {
    await counters().add({ data: { _id: 'hits', value: 0 } });
    let attempts = 0;
    const increment = () =>
      db().runTransaction(async (tx: SdkTransaction) => {
        attempts += 1;
        const { data } = await tx.collection('counters').doc('hits').get();
        await tx.collection('counters').doc('hits').update({ data: { value: data.value + 1 } });
      });
    await Promise.all(Array.from({ length: 20 }, increment));
    expect(await valueOf('hits')).toBe(20);
    // They queued on the document's lock instead of conflicting and retrying.
    expect(attempts).toBe(20);
    expect(testCloud.cloud.database.openTransactions()).toBe(0);
  });

  it('discards the writes of a transaction.rollback(value) and rejects with that value', async () => {
    await counters().add({ data: { _id: 'kept', value: 1 } });
    const outcome = db().runTransaction(async (tx: SdkTransaction) => {
      await tx.collection('counters').doc('kept').update({ data: { value: 2 } });
      await tx.collection('counters').add({ data: { _id: 'never', value: 1 } });
      await tx.rollback('not enough stock');
    });
    await expect(outcome).rejects.toBe('not enough stock');
    expect(await valueOf('kept')).toBe(1);
    await expect(counters().doc('never').get()).rejects.toThrow(/does not exist/);
  });

  it('discards the writes when the callback throws', async () => {
    await counters().add({ data: { _id: 'safe', value: 1 } });
    const outcome = db().runTransaction(async (tx: SdkTransaction) => {
      await tx.collection('counters').doc('safe').update({ data: { value: 99 } });
      throw new Error('validation failed');
    });
    await expect(outcome).rejects.toThrow('validation failed');
    expect(await valueOf('safe')).toBe(1);
  });

  it('retries after a conflict, and the retry reads the newer value', async () => {
    await counters().add({ data: { _id: 'contended', value: 1 } });
    const seen: number[] = [];
    await db().runTransaction(async (tx: SdkTransaction) => {
      const { data } = await tx.collection('counters').doc('contended').get();
      seen.push(data.value);
      if (seen.length === 1) await counters().doc('contended').update({ data: { value: 100 } });
      await tx.collection('counters').doc('contended').update({ data: { value: data.value + 1 } });
    });
    expect(seen).toEqual([1, 100]);
    expect(await valueOf('contended')).toBe(101);
  });

  it('refuses a where().get() inside a transaction', async () => {
    const outcome = db().runTransaction(async (tx: SdkTransaction) => {
      await tx.collection('counters').where({ value: 1 }).get();
    });
    await expect(outcome).rejects.toThrow(/only single-document operations/);
    expect(testCloud.cloud.database.openTransactions()).toBe(0);
  });

  it('applies nothing when one write of the commit breaks a unique index', async () => {
    await db().collection('accounts').add({ data: { _id: 'taken', openid: 'o-taken', phone: '1' } });
    const outcome = db().runTransaction(async (tx: SdkTransaction) => {
      await tx.collection('accounts').doc('first').set({ data: { openid: 'o-new', phone: '2' } });
      await tx.collection('accounts').doc('second').set({ data: { openid: 'o-taken', phone: '3' } });
    });
    await expect(outcome).rejects.toMatchObject({ message: expect.stringMatching(/E11000 .*by_openid/) });
    await expect(db().collection('accounts').doc('first').get()).rejects.toThrow(/does not exist/);
  });
});

describe('startTransaction: isolation', () => {
  it('keeps an uncommitted write invisible to others until commit', async () => {
    await counters().add({ data: { _id: 'private', value: 'before' } });
    const tx = await db().startTransaction();
    await tx.collection('counters').doc('private').update({ data: { value: 'after' } });
    expect((await tx.collection('counters').doc('private').get()).data.value).toBe('after');
    expect(await valueOf('private')).toBe('before');
    await tx.commit();
    expect(await valueOf('private')).toBe('after');
  });

  it('reads the snapshot as of its first read, then fails to commit with DATABASE_TRANSACTION_CONFLICT', async () => {
    await counters().add({ data: { _id: 'snap', value: 1 } });
    const tx = await db().startTransaction();
    expect((await tx.collection('counters').doc('snap').get()).data.value).toBe(1);
    await counters().doc('snap').update({ data: { value: 2 } });
    expect((await tx.collection('counters').doc('snap').get()).data.value).toBe(1);
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(await valueOf('snap')).toBe(2);
  });

  it('sees a document deleted after its snapshot, and not one created after it', async () => {
    await counters().add({ data: { _id: 'doomed', value: 1 } });
    const tx = await db().startTransaction();
    await tx.collection('counters').doc('anchor').get().catch(() => undefined);
    await counters().doc('doomed').remove();
    await counters().add({ data: { _id: 'newborn', value: 1 } });
    expect((await tx.collection('counters').doc('doomed').get()).data.value).toBe(1);
    await expect(tx.collection('counters').doc('newborn').get()).rejects.toThrow(/does not exist/);
    await tx.rollback();
  });

  it('lets the second of two transactions that lock each other\'s document fail with a conflict, not hang', async () => {
    await counters().add({ data: [{ _id: 'left', value: 0 }, { _id: 'right', value: 0 }] });
    const first = await db().startTransaction();
    const second = await db().startTransaction();
    await first.collection('counters').doc('left').update({ data: { value: 1 } });
    await second.collection('counters').doc('right').update({ data: { value: 1 } });
    const firstWaits = first.collection('counters').doc('right').update({ data: { value: 2 } });
    await second.collection('counters').doc('left').update({ data: { value: 2 } });
    await expect(second.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    await firstWaits;
    await first.commit();
    expect([await valueOf('left'), await valueOf('right')]).toEqual([1, 2]);
  });

  it('refuses to add a document whose _id the transaction already sees', async () => {
    await counters().add({ data: { _id: 'exists', value: 1 } });
    const tx = await db().startTransaction();
    await expect(tx.collection('counters').add({ data: { _id: 'exists', value: 2 } })).rejects.toThrow(/E11000/);
    await tx.rollback();
  });
});
