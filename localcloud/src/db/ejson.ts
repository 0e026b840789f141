/**
 * Extended JSON as the CloudBase SDK speaks it, and as documents are kept on disk.
 *
 * In: the SDK sends queries, updates and documents as canonical EJSON strings (bson's `relaxed: false`):
 * `{"$numberInt":"1"}`, `{"$date":{"$numberLong":"…"}}`, `{"$regularExpression":{…}}`, plus CloudBase's own
 * `{"$tcb_server_date":{"offset":…}}` for db.serverDate(). Geo values arrive as plain GeoJSON and stay so.
 * Out: results go back as EJSON strings the SDK reads with `EJSON.parse` (relaxed): plain numbers, and
 * `{"$date":<ms>}` for dates, which bson turns back into Date objects. The same form is stored on disk,
 * so a stored document is already a valid reply, and `json_extract(doc, '$.f."$date"')` yields a number.
 */
import { types } from 'node:util';

export type Doc = Record<string, unknown>;

/** Turns parsed EJSON into runtime values (numbers, Dates, RegExps); `now` resolves server dates. */
export function decodeEjson(value: unknown, now: number = Date.now()): unknown {
  if (Array.isArray(value)) return value.map((item) => decodeEjson(item, now));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const special = decodeWrapper(keys[0] as string, value[keys[0] as string], now);
    if (special !== NOT_SPECIAL) return special;
  }
  const out: Doc = {};
  for (const key of keys) {
    const decoded = decodeEjson(value[key], now);
    if (decoded !== undefined) out[key] = decoded;
  }
  return out;
}

/** Parses one EJSON string from the SDK into runtime values. */
export function parseEjson(text: string, now: number = Date.now()): unknown {
  return decodeEjson(JSON.parse(text), now);
}

/** Parses an EJSON string that must hold an object (a document, query, update or projection). */
export function parseEjsonObject(text: unknown, now: number = Date.now()): Doc {
  if (text === undefined || text === null || text === '') return {};
  const value = typeof text === 'string' ? parseEjson(text, now) : decodeEjson(text, now);
  if (!isPlainObject(value)) throw new SyntaxError('expected an EJSON object');
  return value;
}

const NOT_SPECIAL = Symbol('not special');

function decodeWrapper(key: string, inner: unknown, now: number): unknown {
  switch (key) {
    case '$numberInt':
    case '$numberLong':
    case '$numberDouble':
    case '$numberDecimal':
      return typeof inner === 'string' ? Number(inner) : NOT_SPECIAL;
    case '$date':
      return decodeDate(inner);
    case '$regularExpression':
      return isPlainObject(inner) && typeof inner.pattern === 'string'
        ? new RegExp(inner.pattern, typeof inner.options === 'string' ? inner.options : '')
        : NOT_SPECIAL;
    case '$tcb_server_date': {
      const offset = isPlainObject(inner) ? Number(decodeEjson(inner.offset) ?? 0) : 0;
      return new Date(now + (Number.isFinite(offset) ? offset : 0));
    }
    case '$oid':
    case '$symbol':
      return typeof inner === 'string' ? inner : NOT_SPECIAL;
    case '$undefined':
      return undefined;
    default:
      return NOT_SPECIAL;
  }
}

function decodeDate(inner: unknown): unknown {
  if (typeof inner === 'number') return new Date(inner);
  if (typeof inner === 'string') return new Date(inner);
  if (isPlainObject(inner) && typeof inner.$numberLong === 'string') return new Date(Number(inner.$numberLong));
  return NOT_SPECIAL;
}

/** Turns runtime values into the JSON-safe form that is stored and sent back (see the file comment). */
export function encodeEjson(value: unknown): unknown {
  if (types.isDate(value)) return { $date: value.getTime() };
  // BSON knows the options i, m, s, u (and x, l, which JavaScript lacks); g or y would make bson throw.
  if (types.isRegExp(value)) return { $regularExpression: { pattern: value.source, options: value.flags.replace(/[^imsu]/g, '') } };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $numberDouble: String(value) };
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : encodeEjson(item)));
  if (!isPlainObject(value)) return value;
  const out: Doc = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) out[key] = encodeEjson(item);
  }
  return out;
}

/** One document as the JSON text kept in a row and sent in a reply's `list`. */
export function stringifyDoc(doc: Doc): string {
  return JSON.stringify(encodeEjson(doc));
}

/** The inverse of stringifyDoc. */
export function parseStoredDoc(text: string): Doc {
  return decodeEjson(JSON.parse(text)) as Doc;
}

/** A plain object of any realm (jest runs code in a vm context, where Object.prototype differs). */
export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** A deep copy that keeps Dates and RegExps (structuredClone would make them in another realm under jest). */
export function cloneValue<T>(value: T): T {
  if (types.isDate(value)) return new Date(value.getTime()) as T;
  if (types.isRegExp(value)) return new RegExp(value.source, value.flags) as T;
  if (Array.isArray(value)) return value.map(cloneValue) as T;
  if (!isPlainObject(value)) return value;
  const out: Doc = {};
  for (const [key, item] of Object.entries(value)) out[key] = cloneValue(item);
  return out as T;
}
