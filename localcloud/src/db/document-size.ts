import { types } from 'node:util';
import { isPlainObject, type Doc } from './ejson';
import { writeRefused, type WriteKind } from './errors';

/** MongoDB's BSON document limit, which CloudBase's database enforces: 16 MiB. */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

/**
 * Refuses a document whose BSON form is over 16 MiB, with MongoDB's message for the write that made it:
 * an insert's "object to insert too large", an update's (or a set's) "Resulting document after update is
 * larger than 16777216".
 */
export function assertDocumentSize(doc: Doc, kind: WriteKind): void {
  const size = bsonSize(doc);
  if (size <= MAX_DOCUMENT_BYTES) return;
  throw writeRefused(
    kind,
    kind === 'Insert'
      ? `object to insert too large. size in bytes: ${size}, max size: ${MAX_DOCUMENT_BYTES}`
      : `Resulting document after update is larger than ${MAX_DOCUMENT_BYTES}`,
  );
}

/** The size of a document in BSON, as the SDK would have sent it: int32 for small integers, else doubles. */
export function bsonSize(doc: Doc | unknown[]): number {
  const entries: Array<[string, unknown]> = Array.isArray(doc) ? doc.map((value, i) => [String(i), value]) : Object.entries(doc);
  let size = 4 + 1; // length prefix and terminator
  for (const [key, value] of entries) {
    if (value === undefined && !Array.isArray(doc)) continue;
    size += 1 + cstringSize(key) + valueSize(value);
  }
  return size;
}

function valueSize(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'string') return 4 + Buffer.byteLength(value, 'utf8') + 1;
  if (typeof value === 'number') return Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 ? 4 : 8;
  if (typeof value === 'boolean') return 1;
  if (types.isDate(value)) return 8;
  if (types.isRegExp(value)) return cstringSize(value.source) + cstringSize(value.flags);
  if (Array.isArray(value) || isPlainObject(value)) return bsonSize(value);
  return 4 + Buffer.byteLength(String(value), 'utf8') + 1;
}

function cstringSize(text: string): number {
  return Buffer.byteLength(text, 'utf8') + 1;
}
