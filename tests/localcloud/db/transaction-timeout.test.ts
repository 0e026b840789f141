import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentStore } from '../../../localcloud/src/db/document-store';
import { TransactionManager } from '../../../localcloud/src/db/transactions';

/** A transaction left open is aborted after its time limit, and the documents it held are released. */

const ENDED = /Transaction does not exist on the server, transaction must be commit or abort in 30 seconds/;

let dir: string;
let store: DocumentStore;
let transactions: TransactionManager;

beforeEach(() => {
  jest.useFakeTimers();
  dir = mkdtempSync(join(tmpdir(), 'localcloud-tx-'));
  store = new DocumentStore(dir, {});
  store.createCollection('c');
  store.insert('c', { _id: 'doc', value: 1 });
});

function manager(conflicts: 'fail' | 'queue'): TransactionManager {
  transactions = new TransactionManager(store, { timeoutMs: 30_000, lockWaitMs: 15_000, conflicts });
  return transactions;
}
afterEach(() => {
  transactions.abortAll();
  store.close();
  rmSync(dir, { recursive: true, force: true });
  jest.useRealTimers();
});

describe('transaction time limit', () => {
  it('aborts a transaction left open for 30 s, dropping its writes and releasing the document it wrote', async () => {
    manager('fail');
    const abandoned = transactions.start();
    await transactions.open(abandoned, 'c', 'doc');
    transactions.write(abandoned, 'c', 'doc', { _id: 'doc', value: 'never' }, 'Update');

    jest.advanceTimersByTime(20_000);
    const next = transactions.start();
    await transactions.open(next, 'c', 'doc');
    expect(() => transactions.write(next, 'c', 'doc', { _id: 'doc', value: 2 }, 'Update')).toThrow(
      expect.objectContaining({ code: 'DATABASE_TRANSACTION_CONFLICT' }),
    );
    jest.advanceTimersByTime(10_001);

    expect(() => transactions.find(abandoned.id)).toThrow(
      expect.objectContaining({ code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringMatching(ENDED) }),
    );
    const after = transactions.start();
    await transactions.open(after, 'c', 'doc');
    expect(transactions.read(after, 'c', 'doc')).toEqual({ _id: 'doc', value: 1 });
    transactions.write(after, 'c', 'doc', { _id: 'doc', value: 3 }, 'Update');
    transactions.commit(after);
    expect(JSON.parse(store.getById('c', 'doc')?.json ?? '{}')).toEqual({ _id: 'doc', value: 3 });
  });

  it('queue: aborts a transaction left open for 30 s, dropping its writes and handing its lock to the next one', async () => {
    manager('queue');
    const abandoned = transactions.start();
    await transactions.open(abandoned, 'c', 'doc');
    transactions.write(abandoned, 'c', 'doc', { _id: 'doc', value: 'never' }, 'Update');

    jest.advanceTimersByTime(20_000);
    const next = transactions.start();
    const waiting = transactions.open(next, 'c', 'doc');
    jest.advanceTimersByTime(10_001);
    await waiting;

    expect(() => transactions.find(abandoned.id)).toThrow(ENDED);
    expect(next.doomed).toBe(false);
    expect(transactions.read(next, 'c', 'doc')).toEqual({ _id: 'doc', value: 1 });
    transactions.write(next, 'c', 'doc', { _id: 'doc', value: 2 }, 'Update');
    transactions.commit(next);
    expect(JSON.parse(store.getById('c', 'doc')?.json ?? '{}')).toEqual({ _id: 'doc', value: 2 });
  });

  it('queue: gives up waiting for a held document after the lock wait limit and dooms the commit to a conflict', async () => {
    manager('queue');
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
