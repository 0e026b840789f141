import { types } from 'node:util';
import { isPlainObject, type Doc } from './ejson';

/**
 * How a query uses the declared indexes: each index is an SQLite expression index over `keyExpression`
 * of its fields, and a query with an equality, `$in`, range or anchored-prefix regex condition on an
 * index's leading field reads only the rows those conditions select ("probes"); mingo then evaluates the
 * full query on them. A probe may select more rows than match (booleans share keys with 1/0, dates with
 * their milliseconds) but never fewer, which is all the prefilter needs.
 *
 * Arrays: MongoDB matches `{tags: 'a'}` against `tags: ['a', 'b']`. The key of an array value is its JSON
 * text, which starts with '[', and a path through an array (`a.b` where `a` is an array) is keyed '['
 * too; so every probe also reads the keys in ['[', '\'), the "array range", and mingo decides.
 */

/** The SQL key of a field path: a date's milliseconds, else the value json_extract gives (see above). */
export function keyExpression(path: string): string {
  const segments = path.split('.');
  const jsonPath = (count: number) =>
    `$${segments
      .slice(0, count)
      .map((s) => `."${s}"`)
      .join('')}`;
  const full = jsonPath(segments.length);
  const value = `coalesce(json_extract(doc, '${full}."$date"'), json_extract(doc, '${full}'))`;
  if (segments.length === 1) return value;
  const throughArray = segments
    .slice(0, -1)
    .map((_, i) => `json_type(doc, '${jsonPath(i + 1)}') = 'array'`)
    .join(' OR ');
  return `(CASE WHEN ${throughArray} THEN '[' ELSE ${value} END)`;
}

export interface ProbedIndex {
  /** The SQLite index name, reported in query stats. */
  sqlName: string;
  /** The index's leading field path. */
  leadingPath: string;
}

export interface Probe {
  /** A condition for `WHERE`, on `id` or on the index's key expression. */
  where: string;
  params: unknown[];
}

export interface ProbePlan {
  index: string;
  probes: Probe[];
}

type SqlKey = string | number | null;

/**
 * Chooses the probes for a decoded query, or undefined when no index helps (then the collection is
 * scanned). `_id` conditions come first, then equality/$in on an index, then ranges and prefixes.
 */
export function planProbes(query: Doc, indexes: ProbedIndex[]): ProbePlan | undefined {
  const conditions = topLevelConditions(query);
  for (const condition of conditionsOn(conditions, '_id')) {
    const ids = idValues(condition);
    if (ids) return { index: 'primary key (_id)', probes: ids.map((id) => ({ where: 'id = ?', params: [id] })) };
  }
  for (const wantEquality of [true, false]) {
    for (const index of indexes) {
      const key = keyExpression(index.leadingPath);
      for (const condition of conditionsOn(conditions, index.leadingPath)) {
        const probes = wantEquality ? equalityProbes(key, condition) : rangeProbes(key, condition);
        if (probes) return { index: index.sqlName, probes: [...probes, arrayRange(key)] };
      }
    }
  }
  return undefined;
}

/** The field conditions that must all hold: the query's own keys and those of top-level `$and`s. */
function topLevelConditions(query: Doc): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) out.push(...topLevelConditions(part));
    } else if (!key.startsWith('$')) out.push([key, value]);
  }
  return out;
}

function conditionsOn(conditions: Array<[string, unknown]>, path: string): unknown[] {
  return conditions.filter(([key]) => key === path).map(([, value]) => value);
}

function idValues(condition: unknown): string[] | undefined {
  const asId = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  if (!isOperatorObject(condition)) {
    const id = asId(condition);
    return id === undefined ? undefined : [id];
  }
  if ('$eq' in condition) return idValues(condition.$eq);
  if (Array.isArray(condition.$in)) {
    const ids = condition.$in.map(asId);
    return ids.every((id) => id !== undefined) ? (ids as string[]) : undefined;
  }
  return undefined;
}

function equalityProbes(key: string, condition: unknown): Probe[] | undefined {
  if (!isOperatorObject(condition)) return equals(key, condition);
  if ('$eq' in condition) return equals(key, condition.$eq);
  if (Array.isArray(condition.$in)) {
    const probes = condition.$in.map((value) => equals(key, value));
    return probes.every((p) => p !== undefined) ? (probes as Probe[][]).flat() : undefined;
  }
  return undefined;
}

function equals(key: string, value: unknown): Probe[] | undefined {
  if (value === null) return [{ where: `${key} IS NULL`, params: [] }];
  const sqlKey = scalarKey(value);
  return sqlKey === undefined ? undefined : [{ where: `${key} = ?`, params: [sqlKey] }];
}

function rangeProbes(key: string, condition: unknown): Probe[] | undefined {
  if (types.isRegExp(condition)) return prefixProbe(key, condition);
  if (!isOperatorObject(condition)) return undefined;
  if (types.isRegExp(condition.$regex) && condition.$options === undefined) return prefixProbe(key, condition.$regex);
  const lower = bound(condition, '$gt', '$gte');
  const upper = bound(condition, '$lt', '$lte');
  const kind = sameKind(lower?.value, upper?.value);
  if (!kind || (!lower && !upper)) return undefined;
  const bounds = [lower, upper].filter((b) => b !== undefined);
  const parts = bounds.map((b) => `${key} ${b.op} ?`);
  const params = bounds.map((b) => b.value);
  // Without an upper bound a numeric range would run on into the text keys, and vice versa.
  if (kind === 'number' && !upper) parts.push(`${key} < ''`);
  if (kind === 'string' && !lower) parts.push(`${key} >= ''`);
  return [{ where: parts.join(' AND '), params }];
}

function bound(condition: Doc, strict: string, inclusive: string): { op: string; value: SqlKey } | undefined {
  const op = strict in condition ? strict : inclusive in condition ? inclusive : undefined;
  if (!op) return undefined;
  const value = scalarKey(condition[op]);
  if (value === undefined || value === null || typeof condition[op] === 'boolean') return undefined;
  const sqlOp = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op] as string;
  return { op: sqlOp, value };
}

function sameKind(a: SqlKey | undefined, b: SqlKey | undefined): 'number' | 'string' | undefined {
  const kinds = [a, b].filter((v) => v !== undefined).map((v) => typeof v);
  if (kinds.length === 0) return undefined;
  return kinds.every((k) => k === kinds[0]) ? (kinds[0] as 'number' | 'string') : undefined;
}

/** `/^abc/` reads the keys from 'abc' up to 'abc' followed by the highest code point. */
function prefixProbe(key: string, regex: RegExp): Probe[] | undefined {
  if (regex.flags.replace(/[gs]/g, '') !== '') return undefined;
  const literal = /^\^((?:[^\\^$.|?*+()[\]{}]|\\[^A-Za-z0-9])+)/.exec(regex.source)?.[1];
  if (!literal) return undefined;
  const prefix = literal.replace(/\\(.)/g, '$1');
  return [{ where: `${key} >= ? AND ${key} < ?`, params: [prefix, `${prefix}\u{10FFFF}`] }];
}

function arrayRange(key: string): Probe {
  return { where: `${key} >= '[' AND ${key} < '\\'`, params: [] };
}

/** The key a scalar is stored under, or undefined for values no probe can select by. */
export function scalarKey(value: unknown): SqlKey | undefined {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (types.isDate(value)) return value.getTime();
  return undefined;
}

function isOperatorObject(value: unknown): value is Doc {
  return isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$'));
}
