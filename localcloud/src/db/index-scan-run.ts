import type Database from 'better-sqlite3';
import { parseStoredDoc, type Doc } from './ejson';
import { planIndexScan, type IndexScanPlan, type ScanIndex } from './index-scan';

/** What a compound scan is asked: the query, the order, which documents count, and how many are wanted. */
export interface IndexScanRequest {
  query: Doc;
  order?: Record<string, 1 | -1>;
  /** The full query's test (mingo): the SQL may let through more than the query matches, never fewer. */
  accept: (doc: Doc) => boolean;
  /** Stop after this many accepted documents, when the index gives the order (skip + limit). */
  want?: number;
  /** Count instead of returning documents. */
  count?: boolean;
}

export interface IndexScanRun {
  index: string;
  /** One of the statements run, for EXPLAIN QUERY PLAN. */
  sql: string;
  rowsRead: number;
  docs: Doc[];
  count: number;
}

type SqlKey = string | number | null;
type Head = { rowid: number; keys: SqlKey[] };

/**
 * Runs a compound plan (index-scan.ts) against one collection's table: undefined when no plan applies or an
 * array entry makes it unsafe. Streams read index keys only; documents are fetched (and counted) one at a
 * time as the merge takes them, so `rowsRead` is the documents the answer needed.
 */
export function runIndexScan(
  db: Database.Database,
  table: string,
  indexes: ScanIndex[],
  request: IndexScanRequest,
): IndexScanRun | undefined {
  const plan = planIndexScan(request.query, request.order, indexes);
  if (!plan || hasArrayEntry(db, table, plan)) return undefined;
  const statements = plan.streams.map((stream) => streamSql(table, plan, stream));
  const sql = (statements[0] as { sql: string }).sql;
  if (request.count && plan.exact) {
    const count = statements.reduce(
      (sum, s) => sum + (db.prepare(`SELECT count(*) AS n FROM (${s.sql})`).get(...s.params) as { n: number }).n,
      0,
    );
    return { index: plan.index, sql, rowsRead: 0, docs: [], count };
  }
  const fetch = db.prepare(`SELECT doc AS json FROM ${table} WHERE rowid = ?`);
  const streams = statements.map(
    (s) =>
      db
        .prepare(s.sql)
        .raw(true)
        .iterate(...s.params) as IterableIterator<SqlKey[]>,
  );
  const ordered = plan.orderKeys.length > 0 && request.want !== undefined && !request.count;
  const docs: Doc[] = [];
  let rowsRead = 0;
  let count = 0;
  try {
    for (const head of merged(streams, plan.desc)) {
      if (ordered && docs.length >= (request.want as number)) break;
      const row = fetch.get(head.rowid) as { json: string } | undefined;
      if (!row) continue;
      rowsRead += 1;
      const doc = parseStoredDoc(row.json);
      if (!request.accept(doc)) continue;
      count += 1;
      if (!request.count) docs.push(doc);
    }
  } finally {
    for (const stream of streams) stream.return?.();
  }
  return { index: plan.index, sql, rowsRead, docs, count };
}

function streamSql(table: string, plan: IndexScanPlan, stream: { where: string; params: SqlKey[] }): { sql: string; params: SqlKey[] } {
  const where = [stream.where, ...plan.rest.map((r) => r.where)].join(' AND ');
  const keys = plan.orderKeys.map((key, i) => `${key} AS o${i}`);
  const order =
    plan.orderKeys.length > 0 ? ` ORDER BY ${plan.orderKeys.map((key) => `${key} ${plan.desc ? 'DESC' : 'ASC'}`).join(', ')}` : '';
  return {
    sql: `SELECT rowid${keys.map((k) => `, ${k}`).join('')} FROM ${table} WHERE ${where}${order}`,
    params: [...stream.params, ...plan.rest.flatMap((r) => r.params)],
  };
}

function hasArrayEntry(db: Database.Database, table: string, plan: IndexScanPlan): boolean {
  return plan.arrayChecks.some(
    (check) => db.prepare(`SELECT 1 FROM ${table} WHERE ${check.where} LIMIT 1`).get(...check.params) !== undefined,
  );
}

/** The streams' rows in one order: each stream is already in it, so the next row is the least head. */
function* merged(streams: IterableIterator<SqlKey[]>[], desc: boolean): Generator<Head> {
  const heads: Array<Head | undefined> = streams.map((stream) => next(stream));
  for (;;) {
    let best = -1;
    for (let i = 0; i < heads.length; i += 1) {
      const head = heads[i];
      if (head && (best < 0 || compareKeys(head.keys, (heads[best] as Head).keys) * (desc ? -1 : 1) < 0)) best = i;
    }
    if (best < 0) return;
    yield heads[best] as Head;
    heads[best] = next(streams[best] as IterableIterator<SqlKey[]>);
  }
}

function next(stream: IterableIterator<SqlKey[]>): Head | undefined {
  const step = stream.next();
  if (step.done) return undefined;
  const [rowid, ...keys] = step.value;
  return { rowid: rowid as number, keys };
}

/** SQLite's order of keys: NULL, then numbers, then text by its UTF-8 bytes (BINARY collation). */
function compareKeys(a: SqlKey[], b: SqlKey[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const [x, y] = [a[i] ?? null, b[i] ?? null];
    const rank = (v: SqlKey) => (v === null ? 0 : typeof v === 'number' ? 1 : 2);
    if (rank(x) !== rank(y)) return rank(x) - rank(y);
    if (typeof x === 'number' && typeof y === 'number' && x !== y) return x - y;
    if (typeof x === 'string' && typeof y === 'string' && x !== y) return Buffer.compare(Buffer.from(x), Buffer.from(y));
  }
  return 0;
}
