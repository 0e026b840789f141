import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { orderedKeyPaths, type DeclaredCollections } from './collections-file';
import { parseStoredDoc, stringifyDoc, type Doc } from './ejson';
import { assertDocumentSize } from './document-size';
import { collectionAlreadyExists, collectionNotExist, duplicateKey, type WriteKind } from './errors';
import { keyExpression, planProbes, type ProbedIndex } from './index-probes';
import { runIndexScan, type IndexScanRequest, type IndexScanRun } from './index-scan-run';
import type { ScanIndex } from './index-scan';
import { sameUniqueKey, uniqueKeyOf, uniqueKeyProbe, type UniqueIndex } from './unique-keys';

/**
 * The documents on disk: one SQLite database (WAL, synchronous=FULL, so a write is on disk before it is
 * acknowledged), one table per collection with one row per document (`id` = the `_id` as text, `doc` =
 * the document as stored EJSON, see ejson.ts), and the declared indexes as SQLite expression indexes.
 * All calls are synchronous; the caller groups writes with `atomically` (one SQLite transaction).
 */

export interface StoredRow {
  rowid: number;
  id: string;
  json: string;
}

/** What the last scan did, for tests and the bench: which index it used and how many rows it read. */
export interface ScanReport {
  collection: string;
  index: string | null;
  rowsRead: number;
  /** SQLite's EXPLAIN QUERY PLAN lines for the statements that ran. */
  plan: string[];
}

/** How many scans `stats.recentScans` keeps. */
const RECENT_SCANS = 200;

/** Told, after a write commits, what the document was before it (null: it did not exist). */
export type CommittedWriteListener = (collection: string, id: string, previous: string | null) => void;

interface CollectionIndexes {
  probed: ProbedIndex[];
  /** Every index with all its fields, for compound scans (index-scan.ts). */
  compound: ScanIndex[];
  unique: UniqueIndex[];
}

export class DocumentStore {
  readonly stats: { rowsRead: number; lastScan?: ScanReport; recentScans: ScanReport[] } = { rowsRead: 0, recentScans: [] };
  onCommittedWrite: CommittedWriteListener = () => undefined;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly plans = new Map<string, string[]>();
  private readonly indexes = new Map<string, CollectionIndexes>();
  private readonly existing = new Set<string>();
  private pending: Array<[string, string, string | null]> | undefined;

  constructor(
    dir: string,
    private readonly declared: DeclaredCollections,
  ) {
    mkdirSync(dir, { recursive: true });
    this.db = new Database(join(dir, 'documents.sqlite'));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec('CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL)');
    for (const row of this.db.prepare('SELECT name FROM collections').all() as Array<{ name: string }>) this.existing.add(row.name);
    // A deploy creates the declared collections and (re)builds their indexes.
    for (const name of Object.keys(declared)) if (!this.existing.has(name)) this.addTable(name);
    for (const name of this.existing) this.syncIndexes(name);
  }

  collections(): string[] {
    return [...this.existing].sort();
  }

  hasCollection(name: string): boolean {
    return this.existing.has(name);
  }

  requireCollection(name: string): void {
    if (!this.existing.has(name)) throw collectionNotExist(name);
  }

  createCollection(name: string): void {
    if (this.existing.has(name)) throw collectionAlreadyExists(name);
    this.atomically(() => this.addTable(name));
    this.syncIndexes(name);
  }

  getById(collection: string, id: string): StoredRow | undefined {
    const row = this.findRow(collection, id);
    if (row) this.stats.rowsRead += 1;
    return row;
  }

  /** The rows that may match `query`, in insertion order: all of them, or those an index selects. */
  scan(collection: string, query: Doc): StoredRow[] {
    this.requireCollection(collection);
    const plan = planProbes(query, this.indexesOf(collection).probed);
    const selects = plan
      ? plan.probes.map((p) => ({ sql: `SELECT rowid, id, doc AS json FROM ${table(collection)} WHERE ${p.where}`, params: p.params }))
      : [{ sql: `SELECT rowid, id, doc AS json FROM ${table(collection)} ORDER BY rowid`, params: [] as unknown[] }];
    const byRowid = new Map<number, StoredRow>();
    let rowsRead = 0;
    for (const select of selects) {
      const rows = this.statement(select.sql).all(...select.params) as StoredRow[];
      rowsRead += rows.length;
      for (const row of rows) byRowid.set(row.rowid, row);
    }
    this.stats.rowsRead += rowsRead;
    const plans = selects.flatMap((s) => this.planOf(s.sql));
    this.noteScan({ collection, index: plan?.index ?? null, rowsRead, plan: plans });
    return plan ? [...byRowid.values()].sort((a, b) => a.rowid - b.rowid) : [...byRowid.values()];
  }

  /**
   * The documents a compound index scan finds (index-scan.ts): in the request's order when the index serves
   * it, stopping once `want` of them pass `accept`; undefined when no index plan applies (then `scan`).
   */
  indexScan(collection: string, request: IndexScanRequest): Doc[] | undefined {
    return this.runIndexed(collection, request)?.docs;
  }

  /** How many documents match, from the index alone when it holds every condition; undefined when no plan applies. */
  indexCount(collection: string, request: Omit<IndexScanRequest, 'want' | 'order'>): number | undefined {
    return this.runIndexed(collection, { ...request, count: true })?.count;
  }

  private runIndexed(collection: string, request: IndexScanRequest): IndexScanRun | undefined {
    this.requireCollection(collection);
    const ran = runIndexScan(this.db, table(collection), this.indexesOf(collection).compound, request);
    if (!ran) return undefined;
    this.stats.rowsRead += ran.rowsRead;
    this.noteScan({ collection, index: ran.index, rowsRead: ran.rowsRead, plan: this.planOf(ran.sql) });
    return ran;
  }

  /** Keeps the scan as the last one and among the recent ones (the last RECENT_SCANS), for tests and the bench. */
  private noteScan(scan: ScanReport): void {
    this.stats.lastScan = scan;
    this.stats.recentScans.push(scan);
    if (this.stats.recentScans.length > RECENT_SCANS) this.stats.recentScans.shift();
  }

  /** Runs `write` in one SQLite transaction; listeners hear of its writes only once it has committed. */
  atomically<T>(write: () => T): T {
    if (this.pending) return write();
    const pending: Array<[string, string, string | null]> = [];
    this.pending = pending;
    try {
      const result = this.db.transaction(write)();
      for (const [collection, id, previous] of pending) this.onCommittedWrite(collection, id, previous);
      return result;
    } finally {
      this.pending = undefined;
    }
  }

  insert(collection: string, doc: Doc, kind: WriteKind = 'Insert'): void {
    const id = String(doc._id);
    assertDocumentSize(doc, kind);
    if (this.findRow(collection, id)) throw duplicateKey(kind, collection, '_id_', { _id: doc._id });
    this.assertUnique(collection, doc, kind);
    this.atomically(() => {
      this.statement(`INSERT INTO ${table(collection)} (id, doc) VALUES (?, ?)`).run(id, stringifyDoc(doc));
      this.pending?.push([collection, id, null]);
    });
  }

  replace(collection: string, doc: Doc, previous: StoredRow): void {
    const id = String(doc._id);
    assertDocumentSize(doc, 'Update');
    this.assertUnique(collection, doc, 'Update');
    this.atomically(() => {
      this.statement(`UPDATE ${table(collection)} SET doc = ? WHERE id = ?`).run(stringifyDoc(doc), id);
      this.pending?.push([collection, id, previous.json]);
    });
  }

  remove(collection: string, previous: StoredRow): void {
    this.atomically(() => {
      this.statement(`DELETE FROM ${table(collection)} WHERE id = ?`).run(previous.id);
      this.pending?.push([collection, previous.id, previous.json]);
    });
  }

  close(): void {
    this.db.close();
  }

  private findRow(collection: string, id: string): StoredRow | undefined {
    this.requireCollection(collection);
    return this.statement(`SELECT rowid, id, doc AS json FROM ${table(collection)} WHERE id = ?`).get(id) as StoredRow | undefined;
  }

  /** The unique index `doc` would break among the stored documents other than itself and `except`, if any. */
  uniqueClash(
    collection: string,
    doc: Doc,
    except: ReadonlySet<string> = new Set(),
  ): { index: string; key: Record<string, unknown> } | undefined {
    for (const index of this.indexesOf(collection).unique) {
      const key = uniqueKeyOf(doc, index);
      const probe = uniqueKeyProbe(key, String(doc._id));
      const rows = this.statement(`SELECT rowid, id, doc AS json FROM ${table(collection)} WHERE ${probe.where}`).all(
        ...probe.params,
      ) as StoredRow[];
      if (rows.some((row) => !except.has(row.id) && sameUniqueKey(key, uniqueKeyOf(parseStoredDoc(row.json), index))))
        return { index: index.name, key };
    }
    return undefined;
  }

  uniqueIndexes(collection: string): readonly UniqueIndex[] {
    return this.indexesOf(collection).unique;
  }

  private assertUnique(collection: string, doc: Doc, kind: WriteKind): void {
    const clash = this.uniqueClash(collection, doc);
    if (clash) throw duplicateKey(kind, collection, clash.index, clash.key);
  }

  private addTable(name: string): void {
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${table(name)} (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    this.db.prepare('INSERT OR IGNORE INTO collections (name, created_at) VALUES (?, ?)').run(name, Date.now());
    this.existing.add(name);
  }

  /** Makes the collection's SQLite indexes match the declared ones: creates, rebuilds or drops. */
  private syncIndexes(collection: string): void {
    const wanted = new Map<string, string>();
    const info: CollectionIndexes = { probed: [], compound: [], unique: [] };
    for (const index of this.declared[collection]?.indexes ?? []) {
      const paths = orderedKeyPaths(index);
      if (paths.length === 0) continue;
      const sqlName = `x:${collection}:${index.name}`;
      wanted.set(sqlName, `CREATE INDEX ${quote(sqlName)} ON ${table(collection)} (${paths.map(keyExpression).join(', ')})`);
      info.probed.push({ sqlName, leadingPath: paths[0] as string });
      info.compound.push({ sqlName, paths });
      if (index.unique) info.unique.push({ name: index.name, paths });
    }
    const present = this.db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE 'x:%'")
      .all(`c:${collection}`) as Array<{ name: string; sql: string }>;
    for (const { name, sql } of present) {
      if (wanted.get(name) === sql) wanted.delete(name);
      else this.db.exec(`DROP INDEX ${quote(name)}`);
    }
    for (const sql of wanted.values()) this.db.exec(sql);
    this.indexes.set(collection, info);
  }

  private indexesOf(collection: string): CollectionIndexes {
    return this.indexes.get(collection) ?? { probed: [], compound: [], unique: [] };
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private planOf(sql: string): string[] {
    let plan = this.plans.get(sql);
    if (!plan) {
      const rows = this.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...placeholders(sql)) as Array<{ detail: string }>;
      plan = rows.map((r) => r.detail);
      this.plans.set(sql, plan);
    }
    return plan;
  }
}

function table(collection: string): string {
  return quote(`c:${collection}`);
}

function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}

/** Null parameters for EXPLAIN, which only needs the statement's shape. */
function placeholders(sql: string): null[] {
  return Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
}
