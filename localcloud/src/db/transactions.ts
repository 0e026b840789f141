import { randomBytes } from 'node:crypto';
import type { DocumentStore } from './document-store';
import { DocumentLocks, type LockOwner } from './document-locks';
import { parseStoredDoc, type Doc } from './ejson';
import { transactionConflict, transactionNotActive, type WriteKind } from './errors';

/**
 * CloudBase transactions (startTransaction / commitTransaction / abortTransaction, with single-document
 * operations in between), with MongoDB's snapshot isolation:
 * - Reads see the committed state as of the transaction's snapshot plus its own writes. The snapshot is
 *   taken at its first operation (as MongoDB does). When any write commits, the document's previous
 *   state is kept as a "pre-image" in every open transaction that has a snapshot and no pre-image of it
 *   yet; a transaction reads own write → pre-image → current.
 * - Writes are buffered and applied at commit in one SQLite transaction; until then nobody sees them.
 * - Commit fails with DATABASE_TRANSACTION_CONFLICT (the SDK's runTransaction then retries) when a
 *   document the transaction read or wrote was changed by someone else after its snapshot, i.e. it has
 *   a pre-image of it.
 * - Documents are locked per transaction (document-locks.ts), so concurrent transactions on one document
 *   queue instead of conflicting.
 * - A transaction left open longer than `timeoutMs` is aborted.
 */

export interface TransactionOptions {
  timeoutMs: number;
  lockWaitMs: number;
}

interface BufferedWrite {
  collection: string;
  id: string;
  /** The document's new state; null deletes it. */
  doc: Doc | null;
  kind: WriteKind;
}

export class Transaction implements LockOwner {
  readonly held = new Set<string>();
  readonly waitingOn = new Set<string>();
  readonly preImages = new Map<string, string | null>();
  readonly writes = new Map<string, BufferedWrite>();
  /** Documents read or written: the ones whose change by others is a conflict. */
  readonly touched = new Set<string>();
  snapshotTaken = false;
  /** Why the commit must fail, when a lock could not be had. */
  doomed: string | undefined;
  ended = false;
  timer: NodeJS.Timeout | undefined;

  constructor(readonly id: string) {}
}

export class TransactionManager {
  private readonly active = new Map<string, Transaction>();
  private readonly locks: DocumentLocks;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: TransactionOptions,
  ) {
    this.locks = new DocumentLocks(options.lockWaitMs);
    store.onCommittedWrite = (collection, id, previous) => this.keepPreImage(docKey(collection, id), previous);
  }

  start(): Transaction {
    const tx = new Transaction(randomBytes(16).toString('hex'));
    tx.timer = setTimeout(() => this.end(tx), this.options.timeoutMs);
    tx.timer.unref();
    this.active.set(tx.id, tx);
    return tx;
  }

  /** The open transaction with this id, or CloudBase's error for an ended/expired/unknown one. */
  find(id: unknown): Transaction {
    const tx = this.active.get(String(id));
    if (!tx) throw transactionNotActive(String(id));
    return tx;
  }

  isOpen(id: unknown): boolean {
    return this.active.has(String(id));
  }

  /** Call before a transaction reads or writes a document: waits for its lock and takes the snapshot. */
  async open(tx: Transaction, collection: string, id: string): Promise<void> {
    this.store.requireCollection(collection);
    const key = docKey(collection, id);
    const granted = await this.locks.acquire(tx, key);
    if (tx.ended) throw transactionNotActive(tx.id);
    if (!granted) tx.doomed ??= `document ${id} of ${collection} is held by another transaction (deadlock or lock wait timeout)`;
    tx.snapshotTaken = true;
    tx.touched.add(key);
  }

  /** The document as the transaction sees it; null if it does not exist for it. */
  read(tx: Transaction, collection: string, id: string): Doc | null {
    const key = docKey(collection, id);
    const own = tx.writes.get(key);
    if (own) return own.doc;
    if (tx.preImages.has(key)) {
      const previous = tx.preImages.get(key);
      return previous ? parseStoredDoc(previous) : null;
    }
    const row = this.store.getById(collection, id);
    return row ? parseStoredDoc(row.json) : null;
  }

  write(tx: Transaction, collection: string, id: string, doc: Doc | null, kind: WriteKind): void {
    tx.writes.set(docKey(collection, id), { collection, id, doc, kind });
  }

  /** Applies the buffered writes atomically, or fails with a conflict; the transaction ends either way. */
  commit(tx: Transaction): void {
    try {
      if (tx.doomed) throw transactionConflict(tx.doomed);
      for (const key of tx.touched) {
        if (tx.preImages.has(key)) {
          throw transactionConflict(`document ${key.replace('\u0000', '/')} was changed by another write after this transaction began using it`);
        }
      }
      this.store.atomically(() => {
        for (const write of tx.writes.values()) this.apply(write);
      });
    } finally {
      this.end(tx);
    }
  }

  abort(tx: Transaction): void {
    this.end(tx);
  }

  abortAll(): void {
    for (const tx of [...this.active.values()]) this.end(tx);
  }

  openCount(): number {
    return this.active.size;
  }

  private apply(write: BufferedWrite): void {
    const row = this.store.getById(write.collection, write.id);
    if (write.doc === null) {
      if (row) this.store.remove(write.collection, row);
    } else if (row) this.store.replace(write.collection, write.doc, row);
    else this.store.insert(write.collection, write.doc, write.kind);
  }

  private end(tx: Transaction): void {
    if (tx.ended) return;
    tx.ended = true;
    clearTimeout(tx.timer);
    this.active.delete(tx.id);
    this.locks.releaseAll(tx);
  }

  private keepPreImage(key: string, previous: string | null): void {
    for (const tx of this.active.values()) {
      if (tx.snapshotTaken && !tx.preImages.has(key)) tx.preImages.set(key, previous);
    }
  }
}

function docKey(collection: string, id: string): string {
  return `${collection}\u0000${id}`;
}
