import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { databaseOf, type SdkTransaction } from './sdk-database';

/**
 * The 'queue' conflict policy (LOCALCLOUD_TX_CONFLICTS=queue), kinder than the cloud: transactions on one
 * document wait their turn instead of failing, and a conflict surfaces at commit, where runTransaction
 * retries it.
 */

let testCloud: TestCloud;
beforeAll(async () => {
  testCloud = await startTestCloud({ transactionConflicts: 'queue' });
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

describe('transactions that queue', () => {
  it('run 20 concurrent read-then-write increments one after the other, each once', async () => {
    await counters().add({ data: { _id: 'hits', value: 0 } });
    let attempts = 0;
    const increment = () =>
      db().runTransaction(async (tx: SdkTransaction) => {
        attempts += 1;
        const { data } = await tx.collection('counters').doc('hits').get();
        await tx
          .collection('counters')
          .doc('hits')
          .update({ data: { value: data.value + 1 } });
      });
    await Promise.all(Array.from({ length: 20 }, increment));
    expect(await valueOf('hits')).toBe(20);
    expect(attempts).toBe(20);
    expect(testCloud.cloud.database.openTransactions()).toBe(0);
  });

  it('fail at commit when a document read was changed after the snapshot', async () => {
    await counters().add({ data: { _id: 'snap', value: 1 } });
    const tx = await db().startTransaction();
    expect((await tx.collection('counters').doc('snap').get()).data.value).toBe(1);
    await counters()
      .doc('snap')
      .update({ data: { value: 2 } });
    expect((await tx.collection('counters').doc('snap').get()).data.value).toBe(1);
    await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    expect(await valueOf('snap')).toBe(2);
  });

  it("let the second of two transactions that lock each other's document fail with a conflict, not hang", async () => {
    await counters().add({
      data: [
        { _id: 'left', value: 0 },
        { _id: 'right', value: 0 },
      ],
    });
    const first = await db().startTransaction();
    const second = await db().startTransaction();
    await first
      .collection('counters')
      .doc('left')
      .update({ data: { value: 1 } });
    await second
      .collection('counters')
      .doc('right')
      .update({ data: { value: 1 } });
    const firstWaits = first
      .collection('counters')
      .doc('right')
      .update({ data: { value: 2 } });
    await second
      .collection('counters')
      .doc('left')
      .update({ data: { value: 2 } });
    await expect(second.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
    await firstWaits;
    await first.commit();
    expect([await valueOf('left'), await valueOf('right')]).toEqual([1, 2]);
  });
});
