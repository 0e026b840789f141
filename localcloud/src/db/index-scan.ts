import { isPlainObject, type Doc } from './ejson';
import { keyExpression, scalarKey } from './index-probes';

/**
 * Compound index scans, as MongoDB runs them: equality (or `$in`) on a prefix of an index's fields, then a
 * range and the sort on the next field, then the remaining index fields as filters checked on the index
 * entries. Each combination of the prefix's values is one ordered SQL stream that reads index keys only
 * (`rowid` and the sort keys); the streams are merged in the requested order, and a document is fetched
 * (and counted as read) only when the merge hands it on. So a page sorted by an indexed field reads about
 * a page of documents however many match, and a count whose every condition the index holds reads none.
 *
 * Arrays: an array value is keyed '[' (index-probes.ts), which these SQL conditions would miss; before
 * using a plan the scan asks the index whether any entry under the prefix holds an array in a field the plan
 * relies on, and falls back to the plain probe path if one does.
 */

type SqlKey = string | number | null;

export interface ScanIndex {
  sqlName: string;
  paths: string[];
}

/** A condition on one index field as SQL over its key, and whether it says exactly what the query says. */
interface FieldSql {
  where: string;
  params: SqlKey[];
  exact: boolean;
}

export interface IndexScanPlan {
  index: string;
  /** Each equality combination of the prefix, as SQL `k = ?` parts. */
  streams: FieldSql[];
  /** The range, keyset bound and filters on the fields after the prefix, the same for every stream. */
  rest: FieldSql[];
  /** Key expressions of the sort when the index serves it (else empty: every match is read, then sorted), and whether it runs backwards. */
  orderKeys: string[];
  desc: boolean;
  /** Array checks: SQL selecting an array-keyed entry the plan relies on. */
  arrayChecks: FieldSql[];
  /** Every condition of the query is in the SQL: a count needs no document. */
  exact: boolean;
}

const MAX_STREAMS = 64;
const ARRAY_RANGE = (key: string) => `${key} >= '[' AND ${key} < '\\'`;

/**
 * A compound plan for `query` ordered by `order` (undefined: any order), or undefined when no index has an
 * equality prefix. An index that serves the order wins, then the longer prefix, then more conditions held,
 * then the first declared.
 */
export function planIndexScan(query: Doc, order: Record<string, 1 | -1> | undefined, indexes: ScanIndex[]): IndexScanPlan | undefined {
  const flat = flatten(query);
  if (!flat || flat.fields.some(([, condition]) => isPlainObject(condition) && ('$near' in condition || '$nearSphere' in condition)))
    return undefined;
  let best: IndexScanPlan | undefined;
  let bestScore = 0;
  for (const index of indexes) {
    const plan = planFor(index, flat, order);
    if (plan && plan.score > bestScore) [best, bestScore] = [plan.plan, plan.score];
  }
  return best;
}

interface Flat {
  fields: Array<[string, unknown]>;
  ors: Doc[][];
}

/** The query's top-level conditions and `$or`s (through `$and`); undefined if it uses anything else at the top. */
function flatten(query: Doc, into: Flat = { fields: [], ors: [] }): Flat | undefined {
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (!isPlainObject(part) || !flatten(part, into)) return undefined;
    } else if (key === '$or' && Array.isArray(value) && value.every(isPlainObject)) into.ors.push(value as Doc[]);
    else if (key.startsWith('$')) return undefined;
    else into.fields.push([key, value]);
  }
  return into;
}

function planFor(
  index: ScanIndex,
  flat: Flat,
  order: Record<string, 1 | -1> | undefined,
): { plan: IndexScanPlan; score: number } | undefined {
  const used = new Set<number>();
  const keyOf = (i: number) => keyExpression(index.paths[i] as string);
  const eqs: Array<{ key: string; values: SqlKey[]; exact: boolean }> = [];
  let at = 0;
  for (; at < index.paths.length; at += 1) {
    const found = conditionFor(flat, index.paths[at] as string, used, equalityValues);
    if (!found) break;
    eqs.push({ key: keyOf(at), ...found.value });
  }
  if (eqs.length === 0) return undefined;
  const orderPaths = Object.keys(order ?? {});
  const directions = Object.values(order ?? {});
  const served =
    orderPaths.length > 0 && orderPaths.every((path, i) => index.paths[at + i] === path) && directions.every((d) => d === directions[0]);
  const rest: FieldSql[] = [];
  const restPaths = index.paths.slice(at);
  const keyset = keysetBound(flat, restPaths, keyOf, at);
  if (keyset) rest.push(keyset);
  for (let i = at; i < index.paths.length; i += 1) {
    const path = index.paths[i] as string;
    // Every range on the field (`_.gte(a).and(_.lt(b))` arrives as two conditions under `$and`).
    for (
      let range = conditionFor(flat, path, used, rangeSql(keyOf(i)));
      range;
      range = conditionFor(flat, path, used, rangeSql(keyOf(i)))
    ) {
      rest.push(i === at ? range.value : orArray(range.value, keyOf(i)));
    }
    const eq = i === at ? undefined : conditionFor(flat, path, used, equalityValues);
    if (eq) rest.push(orArray(inSql(keyOf(i), eq.value.values, eq.value.exact), keyOf(i)));
  }
  const streams = combinations(eqs);
  if (!streams) return undefined;
  const arrayChecks = arrayChecksFor(eqs, index.paths[at]);
  const exact =
    used.size === flat.fields.length && flat.ors.length === (keyset ? 1 : 0) && eqs.every((e) => e.exact) && rest.every((r) => r.exact);
  const score = 1 + eqs.length * 10 + rest.length + (served ? 1000 : 0);
  const orderKeys = served ? orderPaths.map((_, i) => keyOf(at + i)) : [];
  return { plan: { index: index.sqlName, streams, rest, orderKeys, desc: directions[0] === -1, arrayChecks, exact }, score };
}

/** The first unused condition on `path` that `read` turns into something, marking it used. */
function conditionFor<T>(
  flat: Flat,
  path: string,
  used: Set<number>,
  read: (condition: unknown) => T | undefined,
): { value: T } | undefined {
  for (const [i, [key, condition]] of flat.fields.entries()) {
    if (key !== path || used.has(i)) continue;
    const value = read(condition);
    if (value !== undefined) {
      used.add(i);
      return { value };
    }
  }
  return undefined;
}

/**
 * Equality or `$in` on strings, numbers or null. Exact as SQL, with one difference from MongoDB: a boolean
 * (keyed 1/0) or a date (keyed by its milliseconds) in the same field shares a number's key (README).
 */
function equalityValues(condition: unknown): { values: SqlKey[]; exact: boolean } | undefined {
  const values = isOperator(condition)
    ? '$eq' in condition
      ? [condition.$eq]
      : Array.isArray(condition.$in)
        ? condition.$in
        : undefined
    : [condition];
  if (!values || values.length === 0) return undefined;
  const keys = values.map((v) => (typeof v === 'boolean' || isPlainObject(v) || Array.isArray(v) ? undefined : scalarKey(v)));
  if (keys.some((k) => k === undefined)) return undefined;
  return { values: keys as SqlKey[], exact: true };
}

function rangeSql(key: string) {
  return (condition: unknown): FieldSql | undefined => {
    if (!isOperator(condition)) return undefined;
    const ops = Object.keys(condition);
    if (ops.length === 0 || !ops.every((op) => ['$gt', '$gte', '$lt', '$lte'].includes(op))) return undefined;
    const values = ops.map((op) => condition[op]);
    const kind = typeof values[0];
    if ((kind !== 'number' && kind !== 'string') || !values.every((v) => typeof v === kind && (kind === 'string' || Number.isFinite(v)))) {
      return undefined;
    }
    const sqlOp = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' } as Record<string, string>;
    const parts = ops.map((op) => `${key} ${sqlOp[op]} ?`);
    // Keep a number range among the numbers and a text range among the texts (type bracketing).
    parts.push(kind === 'number' ? `${key} < ''` : `${key} >= ''`);
    return { where: parts.join(' AND '), params: values as SqlKey[], exact: true };
  };
}

/**
 * Keyset paging's bound, `{ $or: [{ a: { $gt: v } }, { a: v, b: { $gt: w } }] }` (or `$lt`) on the first two
 * fields after the prefix, as one row-value comparison `(a, b) > (v, w)` that the index seeks to.
 */
function keysetBound(flat: Flat, restPaths: string[], keyOf: (i: number) => string, at: number): FieldSql | undefined {
  const [a, b] = restPaths;
  if (a === undefined || b === undefined) return undefined;
  for (const or of flat.ors) {
    const [first, second] = or;
    if (or.length !== 2 || !first || !second || Object.keys(first).length !== 1 || Object.keys(second).length !== 2) continue;
    const [outer, tie, inner] = [first[a], second[a], second[b]];
    if (!isOperator(outer) || !isOperator(inner) || Object.keys(outer).length !== 1 || Object.keys(inner).length !== 1) continue;
    const op = '$gt' in outer ? '$gt' : '$lt' in outer ? '$lt' : undefined;
    if (!op || !(op in inner)) continue;
    const [v, w] = [outer[op], inner[op]];
    if (typeof v !== 'number' || !Number.isFinite(v) || typeof w !== 'string' || (isOperator(tie) ? tie.$eq : tie) !== v) continue;
    return {
      where: `(${keyOf(at)}, ${keyOf(at + 1)}) ${op === '$gt' ? '>' : '<'} (?, ?) AND ${keyOf(at)} < ''`,
      params: [v, w],
      exact: false,
    };
  }
  return undefined;
}

function inSql(key: string, values: SqlKey[], exact: boolean): FieldSql {
  const parts = values.map((v) => (v === null ? `${key} IS NULL` : `${key} = ?`));
  return { where: `(${parts.join(' OR ')})`, params: values.filter((v) => v !== null), exact };
}

/** A filter on a later index field also lets array entries through: mingo decides those, so it is not exact. */
function orArray(sql: FieldSql, key: string): FieldSql {
  return { where: `((${sql.where}) OR (${ARRAY_RANGE(key)}))`, params: sql.params, exact: false };
}

/** One stream per combination of the prefix's values (at most MAX_STREAMS). */
function combinations(eqs: Array<{ key: string; values: SqlKey[] }>): FieldSql[] | undefined {
  let streams: FieldSql[] = [{ where: '1', params: [], exact: true }];
  for (const eq of eqs) {
    streams = streams.flatMap((s) =>
      eq.values.map((v) => ({
        where: `${s.where} AND ${v === null ? `${eq.key} IS NULL` : `${eq.key} = ?`}`,
        params: v === null ? s.params : [...s.params, v],
        exact: true,
      })),
    );
    if (streams.length > MAX_STREAMS) return undefined;
  }
  return streams;
}

/**
 * For each prefix field, and the first field after it: whether an entry under the earlier prefix values holds
 * an array there (then the plan's SQL would miss it). Later fields' filters let arrays through themselves.
 */
function arrayChecksFor(eqs: Array<{ key: string; values: SqlKey[] }>, next: string | undefined): FieldSql[] {
  const keys = [...eqs.map((e) => e.key), ...(next !== undefined && next !== '_id' ? [keyExpression(next)] : [])];
  return keys.flatMap((key, i) =>
    (combinations(eqs.slice(0, i)) ?? []).map((prefix) => ({
      where: `${prefix.where} AND ${ARRAY_RANGE(key)}`,
      params: prefix.params,
      exact: true,
    })),
  );
}

function isOperator(value: unknown): value is Doc {
  return isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((k) => k.startsWith('$'));
}
