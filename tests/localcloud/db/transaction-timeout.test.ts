import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../../../localcloud/src/db/document-store';
import { TransactionManager } from '../../../localcloud/src/db/transactions';

/** A transaction left open is aborted after its time limit, and the documents it held are released. */

let dir: string;
let store: DocumentStore;
let transactions: TransactionManager;

beforeEach(() => {
  jest.useFakeTimers();
  dir = mkdtempSync(join(tmpdir(), 'localcloud-tx-'));
  store = new DocumentStore(dir, {});
  store.createCollection('c');
  store.insert('c', { _id: 'doc', value: 1 });
  transactions = new TransactionManager(store, { timeoutMs: 30_000, lockWaitMs: 15_000 });
});
afterEach(() => {
  transactions.abortAll();
  store.close();
  rmSync(dir, { recursive: true, force: true });
  jest.useRealTimers();
});

describe('transaction time limit', () => {
  it('aborts a transaction left open for 30 s, dropping its writes and handing its lock to the next one', async () => {
    const abandoned = transactions.start();
    await transactions.open(abandoned, 'c', 'doc');
    transactions.write(abandoned, 'c', 'doc', { _id: 'doc', value: 'never' }, 'Update');

    jest.advanceTimersByTime(20_000);
    const next = transactions.start();
    const waiting = transactions.open(next, 'c', 'doc');
    jest.advanceTimersByTime(10_001);
    await waiting;

    expect(() => transactions.find(abandoned.id)).toThrow(/has ended or has expired/);
    expect(next.doomed).toBeUndefined();
    expect(transactions.read(next, 'c', 'doc')).toEqual({ _id: 'doc', value: 1 });
    transactions.write(next, 'c', 'doc', { _id: 'doc', value: 2 }, 'Update');
    transactions.commit(next);
    expect(JSON.parse(store.getById('c', 'doc')?.json ?? '{}')).toEqual({ _id: 'doc', value: 2 });
  });

  it('gives up waiting for a held document after the lock wait limit and dooms the commit to a conflict', async () => {
    const holder = transactions.start();
    await transactions.open(holder, 'c', 'doc');
    const waiter = transactions.start();
    const waiting = transactions.open(waiter, 'c', 'doc');
    jest.advanceTimersByTime(15_001);
    await waiting;
    expect(() => transactions.commit(waiter)).toThrow(expect.objectContaining({ code: 'DATABASE_TRANSACTION_CONFLICT' }));
    expect(transactions.openCount()).toBe(1);
  });
});
