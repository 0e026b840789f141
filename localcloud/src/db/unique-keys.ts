import { encodeEjson, isPlainObject, type Doc } from './ejson';
import { keyExpression, scalarKey, type Probe } from './index-probes';

/**
 * Unique indexes as MongoDB enforces them: a missing field counts as null (so two documents without the
 * field collide), and the key is compared as a whole (arrays are not expanded per element, a documented
 * simplification of MongoDB's multikey unique indexes).
 */

export interface UniqueIndex {
  name: string;
  paths: string[];
}

/** The index key of a document: each path's value, null when missing. */
export function uniqueKeyOf(doc: Doc, index: UniqueIndex): Record<string, unknown> {
  const key: Record<string, unknown> = {};
  for (const path of index.paths) key[path] = valueAt(doc, path) ?? null;
  return key;
}

/** The SQL condition selecting the rows that may share `key` (a superset; confirm with sameUniqueKey). */
export function uniqueKeyProbe(key: Record<string, unknown>, exceptId: string): Probe {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [path, value] of Object.entries(key)) {
    const expression = keyExpression(path);
    const scalar = scalarKey(value);
    if (scalar === null) parts.push(`${expression} IS NULL`);
    else {
      parts.push(`${expression} = ?`);
      params.push(scalar === undefined ? JSON.stringify(encodeEjson(value)) : scalar);
    }
  }
  parts.push('id <> ?');
  params.push(exceptId);
  return { where: parts.join(' AND '), params };
}

export function sameUniqueKey(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const canonical = (value: unknown) => JSON.stringify(encodeEjson(value ?? null));
  return Object.keys(a).every((path) => canonical(a[path]) === canonical(b[path]));
}

/** A dotted path's value, or undefined; a numeric segment indexes into an array. */
export function valueAt(doc: Doc, path: string): unknown {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (Array.isArray(current) && /^\d+$/.test(segment)) current = current[Number(segment)];
    else if (isPlainObject(current)) current = current[segment];
    else return undefined;
  }
  return current;
}
