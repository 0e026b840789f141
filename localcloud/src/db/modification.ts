import { randomBytes } from 'node:crypto';
import { update as applyUpdateOperators } from 'mingo';
import { cloneValue, isPlainObject, stringifyDoc, type Doc } from './ejson';
import { badRequest } from './errors';
import { assertUpdateApplies } from './update-checks';

/**
 * What one document becomes under a `database.modifyDocument`:
 * - `merge: true` (doc().update, where().update): `data` holds MongoDB update operators, which the SDK
 *   has already produced (a nested plain object becomes dotted `$set` paths; `_.set(obj)` replaces the
 *   whole field; `_.remove()` is `$unset`; shift/unshift are `$pop: -1` / `$push` at `$position: 0`).
 * - `merge: false` (doc().set): `data` replaces the document, keeping its `_id`.
 * `updated` counts a document only if it actually changed, as MongoDB's modifiedCount (which CloudBase
 * reports) does. An operator that does not apply to the field's type refuses the update (update-checks.ts).
 */
export interface Modification {
  /** The document after the change; unchanged input when nothing changed. */
  next: Doc;
  changed: boolean;
}

export function modifyDocument(current: Doc, data: Doc, merge: boolean): Modification {
  if (!merge) {
    const next = { _id: current._id, ...withoutId(data) };
    return { next, changed: stringifyDoc(next) !== stringifyDoc(current) };
  }
  assertOperators(data);
  const modifiers = cloudBaseModifiers(data);
  assertUpdateApplies(current, modifiers);
  const next = cloneValue(current);
  const changedPaths = applyUpdateOperators(next, modifiers);
  return changedPaths.length > 0 ? { next, changed: true } : { next: current, changed: false };
}

/** The document a `set()` or upsert creates when `_id` names no document. */
export function createdDocument(id: unknown, data: Doc, merge: boolean): Doc {
  if (!merge) return { _id: id, ...withoutId(data) };
  assertOperators(data);
  const created: Doc = { _id: id };
  const modifiers = cloudBaseModifiers(data);
  assertUpdateApplies(created, modifiers);
  applyUpdateOperators(created, modifiers);
  return created;
}

function assertOperators(data: Doc): void {
  const plain = Object.keys(data).filter((key) => !key.startsWith('$'));
  if (plain.length > 0) throw badRequest(`update data mixes fields and operators: ${plain.join(', ')}`);
  for (const fields of Object.values(data)) {
    if (fields && typeof fields === 'object' && '_id' in fields) throw badRequest('_id cannot be updated');
  }
}

/**
 * CloudBase documents `_.addToSet({ each: [...] })` for adding several elements, and the SDK sends it
 * as it is (unlike push, which it rewrites to `$each`): here it becomes MongoDB's `$each`.
 */
function cloudBaseModifiers(data: Doc): Doc {
  const addToSet = data.$addToSet;
  if (!isPlainObject(addToSet)) return data;
  const fixed: Doc = {};
  for (const [path, value] of Object.entries(addToSet)) {
    const several = isPlainObject(value) && Object.keys(value).length === 1 && Array.isArray(value.each);
    fixed[path] = several ? { $each: value.each } : value;
  }
  return { ...data, $addToSet: fixed };
}

function withoutId(data: Doc): Doc {
  const { _id: _ignored, ...rest } = data;
  return rest;
}

let sequence = randomBytes(4).readUInt32BE(0);

/**
 * A new document id shaped like CloudBase's: 32 hex digits, the creation time in seconds at digits 9–16
 * (as in real ids), then a counter and randomness, so ids are unique and roughly ordered by time.
 */
export function newDocumentId(now: number = Date.now()): string {
  sequence = (sequence + 1) >>> 0;
  const seconds = Math.floor(now / 1000)
    .toString(16)
    .padStart(8, '0')
    .slice(-8);
  const counter = sequence.toString(16).padStart(8, '0');
  return `${randomBytes(4).toString('hex')}${seconds}${counter}${randomBytes(4).toString('hex')}`;
}
