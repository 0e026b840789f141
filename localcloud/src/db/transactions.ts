import { randomBytes } from 'node:crypto';
import { CloudError } from '../server/module';
import type { DocumentStore } from './document-store';
import { DocumentLocks, type LockOwner } from './document-locks';
import { assertDocumentSize } from './document-size';
import { parseStoredDoc, type Doc } from './ejson';
import { duplicateKey, transactionConflict, transactionNotActive, type WriteKind } from './errors';
import { sameUniqueKey, uniqueKeyOf } from './unique-keys';

/**
 * CloudBase transactions (startTransaction / commitTransaction / abortTransaction, with single-document
 * operations in between), with MongoDB's snapshot isolation:
 * - Reads see the committed state as of the transaction's snapshot plus its own writes. The snapshot is
 *   taken at its first operation (as MongoDB does). When any write commits, the document's previous
 *   state is kept as a "pre-image" in every open transaction that has a snapshot and no pre-image of it
 *   yet; a transaction reads own write → pre-image → current.
 * - Writes are buffered and applied at commit in one SQLite transaction; until then nobody sees them.
 *   Each write is checked when it is made, as MongoDB checks it: size, and unique keys against the
 *   committed documents and the transaction's own writes.
 * - Conflicts, policy 'fail' (the default, as CloudBase and MongoDB do it): a transaction writing a
 *   document that another open transaction has written, or that changed after its snapshot, gets
 *   DATABASE_TRANSACTION_CONFLICT at that write. Reads never conflict (two transactions may each read
 *   what the other writes: write skew is allowed, as under MongoDB). At commit, a document it wrote that
 *   a write outside any transaction changed since is a conflict too.
 * - Policy 'queue' (kinder than the cloud, for tests that want it): a transaction locks each document it
 *   touches (document-locks.ts) and others wait their turn; commit fails when a document it read or
 *   wrote changed after its snapshot, or when a wait timed out or would deadlock.
 * - A transaction left open longer than `timeoutMs` is aborted.
 */

export type ConflictPolicy = 'fail' | 'queue';

export interface TransactionOptions {
  timeoutMs: number;
  lockWaitMs: number;
  /** Default 'fail'. */
  conflicts?: ConflictPolicy;
}

interface BufferedWrite {
  collection: string;
  id: string;
  /** The document's new state; null deletes it. */
  doc: Doc | null;
  kind: WriteKind;
}

export class Transaction implements LockOwner {
  /** Documents locked ('queue') or claimed for writing ('fail'). */
  readonly held = new Set<string>();
  readonly waitingOn = new Set<string>();
  readonly preImages = new Map<string, string | null>();
  readonly writes = new Map<string, BufferedWrite>();
  /** Documents read or written. */
  readonly touched = new Set<string>();
  snapshotTaken = false;
  /** 'queue': a lock could not be had, so the commit must fail. */
  doomed = false;
  ended = false;
  timer: NodeJS.Timeout | undefined;

  constructor(readonly id: string) {}
}

export class TransactionManager {
  private readonly active = new Map<string, Transaction>();
  private readonly locks: DocumentLocks;
  /** 'fail': the open transaction that has written each document. */
  private readonly writers = new Map<string, Transaction>();
  private readonly policy: ConflictPolicy;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: TransactionOptions,
  ) {
    this.policy = options.conflicts ?? 'fail';
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
    if (!tx) throw transactionNotActive();
    return tx;
  }

  isOpen(id: unknown): boolean {
    return this.active.has(String(id));
  }

  /** Call before a transaction reads or writes a document: takes the snapshot ('queue': waits for the lock). */
  async open(tx: Transaction, collection: string, id: string): Promise<void> {
    this.store.requireCollection(collection);
    const key = docKey(collection, id);
    if (this.policy === 'queue' && !(await this.locks.acquire(tx, key))) tx.doomed = true;
    if (tx.ended) throw transactionNotActive();
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

  /** Buffers a write after the checks MongoDB makes at a write (see the file comment); throws if one fails. */
  write(tx: Transaction, collection: string, id: string, doc: Doc | null, kind: WriteKind): void {
    const key = docKey(collection, id);
    if (this.policy === 'fail') this.claim(tx, key);
    if (doc) {
      assertDocumentSize(doc, kind);
      this.assertUniqueKeys(tx, collection, doc, kind);
    }
    tx.writes.set(key, { collection, id, doc, kind });
  }

  /** Applies the buffered writes atomically, or fails with a conflict; the transaction ends either way. */
  commit(tx: Transaction): void {
    try {
      const guarded = this.policy === 'queue' ? tx.touched : tx.writes.keys();
      if (tx.doomed || [...guarded].some((key) => tx.preImages.has(key))) throw transactionConflict();
      this.store.atomically(() => {
        for (const write of tx.writes.values()) this.apply(write);
      });
    } catch (error) {
      // A unique key committed by someone else after this transaction checked its write: as in MongoDB,
      // a conflict; the retry then meets the clash at the write itself (E11000, with its errCode).
      if (error instanceof CloudError && error.message.includes('E11000')) throw transactionConflict();
      throw error;
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

  /** 'fail': the first open transaction to write a document holds it until it ends; a later writer loses. */
  private claim(tx: Transaction, key: string): void {
    const holder = this.writers.get(key);
    if ((holder && holder !== tx) || tx.preImages.has(key)) throw transactionConflict();
    this.writers.set(key, tx);
    tx.held.add(key);
  }

  /** Unique keys against the committed documents (those this transaction rewrites aside) and its own writes. */
  private assertUniqueKeys(tx: Transaction, collection: string, doc: Doc, kind: WriteKind): void {
    const others = [...tx.writes.values()].filter((w) => w.collection === collection && w.id !== String(doc._id));
    const clash = this.store.uniqueClash(collection, doc, new Set(others.map((w) => w.id)));
    if (clash) throw duplicateKey(kind, collection, clash.index, clash.key);
    for (const index of this.store.uniqueIndexes(collection)) {
      const key = uniqueKeyOf(doc, index);
      if (others.some((w) => w.doc && sameUniqueKey(key, uniqueKeyOf(w.doc, index)))) throw duplicateKey(kind, collection, index.name, key);
    }
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
    for (const key of tx.held) if (this.writers.get(key) === tx) this.writers.delete(key);
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
