import { join } from 'node:path';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { databaseOf, type SdkTransaction } from './sdk-database';

/**
 * Transactions through the real wx-server-sdk, under the default conflict policy: write conflicts are
 * reported to the loser as CloudBase reports them (TencentCloudBase/node-sdk's transaction tests: at the
 * write, `[ResourceUnavailable.TransactionConflict]`), never queued. The 'queue' policy has its own file.
 */

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

/** What the SDK hands over for a conflict at a document operation: the code is gone, errCode is SYS_ERR. */
const CONFLICT_AT_WRITE = { errCode: -501001, errMsg: expect.stringContaining('[ResourceUnavailable.TransactionConflict]') };
/** What it hands over for a conflict at commit: the service's code and message, and (an SDK limit) no errCode. */
const CONFLICT_AT_COMMIT = {
  code: 'DATABASE_TRANSACTION_CONFLICT',
  message: expect.stringContaining('[ResourceUnavailable.TransactionConflict]'),
};

const isConflict = (error: unknown) =>
  /TransactionConflict/.test(String((error as { errMsg?: string }).errMsg ?? (error as Error).message));

/** Runs a transaction again after a conflict, as an application must (the SDK retries only those found at commit). */
async function retryingConflicts<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isConflict(error) || attempt === 200) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10));
    }
  }
}

describe('runTransaction', () => {
  it('commits reads and single-document writes together and returns the callback result', async () => {
    await counters().add({
      data: [
        { _id: 'from', value: 10 },
        { _id: 'gone', value: 1 },
      ],
    });
    const moved = await db().runTransaction(async (tx: SdkTransaction) => {
      const from = (await tx.collection('counters').doc('from').get()).data;
      await tx
        .collection('counters')
        .doc('from')
        .update({ data: { value: from.value - 4 } });
      await tx
        .collection('counters')
        .doc('to')
        .set({ data: { value: 4 } });
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

  it('ends exactly 20 higher after 20 concurrent read-then-write increments that retry their conflicts', async () => {
    await counters().add({ data: { _id: 'hits', value: 0 } });
    const increment = () =>
      retryingConflicts(() =>
        db().runTransaction(async (tx: SdkTransaction) => {
          const { data } = await tx.collection('counters').doc('hits').get();
          await tx
            .collection('counters')
            .doc('hits')
            .update({ data: { value: data.value + 1 } });
        }, 0),
      );
    await Promise.all(Array.from({ length: 20 }, increment));
    expect(await valueOf('hits')).toBe(20);
    expect(testCloud.cloud.database.openTransactions()).toBe(0);
  });

  it('reports a conflict at a write to the loser with an errCode, and the SDK does not retry it', async () => {
    await counters().add({ data: { _id: 'raced', value: 1 } });
    let attempts = 0;
    const outcome = db().runTransaction(async (tx: SdkTransaction) => {
      attempts += 1;
      const { data } = await tx.collection('counters').doc('raced').get();
      await counters()
        .doc('raced')
        .update({ data: { value: 100 } });
      await tx
        .collection('counters')
        .doc('raced')
        .update({ data: { value: data.value + 1 } });
    });
    await expect(outcome).rejects.toMatchObject(CONFLICT_AT_WRITE);
    expect(attempts).toBe(1);
    expect(await valueOf('raced')).toBe(100);
  });

  it('retries a conflict found at commit (a write outside it after its own), and the retry reads the newer value', async () => {
    await counters().add({ data: { _id: 'contended', value: 1 } });
    const seen: number[] = [];
    await db().runTransaction(async (tx: SdkTransaction) => {
      const { data } = await tx.collection('counters').doc('contended').get();
      seen.push(data.value);
      await tx
        .collection('counters')
        .doc('contended')
        .update({ data: { value: data.value + 1 } });
      if (seen.length === 1)
        await counters()
          .doc('contended')
          .update({ data: { value: 100 } });
    });
    expect(seen).toEqual([1, 100]);
    expect(await valueOf('contended')).toBe(101);
  });

  it('discards the writes of a transaction.rollback(value) and rejects with that value', async () => {
    await counters().add({ data: { _id: 'kept', value: 1 } });
    const outcome = db().runTransaction(async (tx: SdkTransaction) => {
      await tx
        .collection('counters')
        .doc('kept')
        .update({ data: { value: 2 } });
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
      await tx
        .collection('counters')
        .doc('safe')
        .update({ data: { value: 99 } });
      throw new Error('validation failed');
    });
    await expect(outcome).rejects.toThrow('validation failed');
    expect(await valueOf('safe')).toBe(1);
  });

  it('refuses a where().get() inside a transaction', async () => {
    const outcome = db().runTransaction(async (tx: SdkTransaction) => {
      await tx.collection('counters').where({ value: 1 }).get();
    });
    await expect(outcome).rejects.toThrow(/only single-document operations/);
    expect(testCloud.cloud.database.openTransactions()).toBe(0);
  });

  it('refuses a write that breaks a unique index at that write, with errCode -502001, and applies nothing', async () => {
    await db()
      .collection('accounts')
      .add({ data: { _id: 'taken', openid: 'o-taken', phone: '1' } });
    const outcome = db().runTransaction(async (tx: SdkTransaction) => {
      await tx
        .collection('accounts')
        .doc('first')
        .set({ data: { openid: 'o-new', phone: '2' } });
      await tx
        .collection('accounts')
        .doc('second')
        .set({ data: { openid: 'o-taken', phone: '3' } });
    });
    await expect(outcome).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringMatching(/E11000 .*by_openid/) });
    await expect(db().collection('accounts').doc('first').get()).rejects.toThrow(/does not exist/);
  });

  it('refuses two writes of one transaction that share a unique key', async () => {
    const outcome = db().runTransaction(async (tx: SdkTransaction) => {
      await tx
        .collection('accounts')
        .doc('twin-1')
        .set({ data: { openid: 'o-twin', phone: '4' } });
      await tx
        .collection('accounts')
        .doc('twin-2')
        .set({ data: { openid: 'o-twin', phone: '5' } });
    });
    await expect(outcome).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringMatching(/E11000 .*by_openid/) });
    await expect(db().collection('accounts').doc('twin-1').get()).rejects.toThrow(/does not exist/);
  });
});

describe('startTransaction: isolation and conflicts', () => {
  it('keeps an uncommitted write invisible to others until commit', async () => {
    await counters().add({ data: { _id: 'private', value: 'before' } });
    const tx = await db().startTransaction();
    await tx
      .collection('counters')
      .doc('private')
      .update({ data: { value: 'after' } });
    expect((await tx.collection('counters').doc('private').get()).data.value).toBe('after');
    expect(await valueOf('private')).toBe('before');
    await tx.commit();
    expect(await valueOf('private')).toBe('after');
  });

  it('reads its snapshot; writing a document changed since fails at once and ends the transaction', async () => {
    await counters().add({ data: { _id: 'snap', value: 1 } });
    const tx = await db().startTransaction();
    expect((await tx.collection('counters').doc('snap').get()).data.value).toBe(1);
    await counters()
      .doc('snap')
      .update({ data: { value: 2 } });
    expect((await tx.collection('counters').doc('snap').get()).data.value).toBe(1);
    await expect(
      tx
        .collection('counters')
        .doc('snap')
        .update({ data: { value: 3 } }),
    ).rejects.toMatchObject(CONFLICT_AT_WRITE);
    await expect(tx.collection('counters').doc('snap').get()).rejects.toMatchObject({
      errCode: -501001,
      errMsg: expect.stringContaining('TransactionNotExist'),
    });
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    expect(await valueOf('snap')).toBe(2);
  });

  it('lets the first transaction to write a document keep it: a second writer loses at once, the first commits', async () => {
    await counters().add({ data: { _id: 'held', value: 0 } });
    const first = await db().startTransaction();
    const second = await db().startTransaction();
    await second.collection('counters').doc('held').get();
    await first
      .collection('counters')
      .doc('held')
      .update({ data: { value: 1 } });
    await expect(
      second
        .collection('counters')
        .doc('held')
        .update({ data: { value: 2 } }),
    ).rejects.toMatchObject(CONFLICT_AT_WRITE);
    await first.commit();
    expect(await valueOf('held')).toBe(1);
    expect(testCloud.cloud.database.openTransactions()).toBe(0);
  });

  it('reports a conflict at commit when a write outside the transaction changed a document it wrote', async () => {
    await counters().add({ data: { _id: 'overwritten', value: 0 } });
    const tx = await db().startTransaction();
    await tx
      .collection('counters')
      .doc('overwritten')
      .update({ data: { value: 1 } });
    await counters()
      .doc('overwritten')
      .update({ data: { value: 5 } });
    await expect(tx.commit()).rejects.toMatchObject(CONFLICT_AT_COMMIT);
    expect(await valueOf('overwritten')).toBe(5);
  });

  it('lets transactions read what others change (snapshot isolation: write skew is allowed, as in MongoDB)', async () => {
    await counters().add({
      data: [
        { _id: 'left', value: 1 },
        { _id: 'right', value: 1 },
      ],
    });
    const first = await db().startTransaction();
    const second = await db().startTransaction();
    const left = (await first.collection('counters').doc('left').get()).data.value;
    const right = (await second.collection('counters').doc('right').get()).data.value;
    await first
      .collection('counters')
      .doc('right')
      .update({ data: { value: left + 10 } });
    await second
      .collection('counters')
      .doc('left')
      .update({ data: { value: right + 20 } });
    await first.commit();
    await second.commit();
    expect([await valueOf('left'), await valueOf('right')]).toEqual([21, 11]);
  });

  it('sees a document deleted after its snapshot, and not one created after it', async () => {
    await counters().add({ data: { _id: 'doomed', value: 1 } });
    const tx = await db().startTransaction();
    await tx
      .collection('counters')
      .doc('anchor')
      .get()
      .catch(() => undefined);
    await counters().doc('doomed').remove();
    await counters().add({ data: { _id: 'newborn', value: 1 } });
    expect((await tx.collection('counters').doc('doomed').get()).data.value).toBe(1);
    await expect(tx.collection('counters').doc('newborn').get()).rejects.toThrow(/does not exist/);
    await tx.rollback();
  });

  it('refuses to add a document whose _id the transaction already sees, and ends the transaction', async () => {
    await counters().add({ data: { _id: 'exists', value: 1 } });
    const tx = await db().startTransaction();
    await tx
      .collection('counters')
      .doc('other')
      .set({ data: { value: 1 } });
    await expect(tx.collection('counters').add({ data: { _id: 'exists', value: 2 } })).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('E11000'),
    });
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    await expect(counters().doc('other').get()).rejects.toThrow(/does not exist/);
  });

  it('turns a unique key someone else commits after its write into a conflict at commit', async () => {
    const tx = await db().startTransaction();
    await tx
      .collection('accounts')
      .doc('mine')
      .set({ data: { openid: 'o-contested', phone: '6' } });
    await db()
      .collection('accounts')
      .add({ data: { _id: 'theirs', openid: 'o-contested', phone: '7' } });
    await expect(tx.commit()).rejects.toMatchObject(CONFLICT_AT_COMMIT);
    await expect(db().collection('accounts').doc('mine').get()).rejects.toThrow(/does not exist/);
  });
});
