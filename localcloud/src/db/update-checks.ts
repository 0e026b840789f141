import { types } from 'node:util';
import { isPlainObject, type Doc } from './ejson';
import { writeRefused } from './errors';

/**
 * The type rules MongoDB applies to update operators and mingo does not: mingo skips `$inc` on a string
 * or `$push` onto a non-array and reports nothing changed, where MongoDB refuses the whole update. Each
 * check runs on the document before the update, with MongoDB's message (and, in the comment, its code).
 */
export function assertUpdateApplies(doc: Doc, update: Doc): void {
  for (const [operator, fields] of Object.entries(update)) {
    if (!isPlainObject(fields)) continue;
    for (const [path, argument] of Object.entries(fields)) {
      assertArgument(operator, path, argument);
      const target = resolvePath(doc, path);
      if (target.blocked) {
        // PathNotViable (28): a field cannot be created inside a string, a number, null or an array.
        if (CREATING.has(operator))
          throw refused(
            `Cannot create field '${target.blocked.segment}' in element {${target.blocked.parent}: ${shown(target.blocked.value)}}`,
          );
        continue;
      }
      if (target.present) assertTargetType(operator, path, target.value, doc);
    }
  }
}

/** Operators that create the field (and the objects on its path) when it is missing. */
const CREATING = new Set(['$set', '$setOnInsert', '$inc', '$mul', '$min', '$max', '$push', '$addToSet', '$currentDate']);

function assertArgument(operator: string, path: string, argument: unknown): void {
  const field = `{${path}: ${shown(argument)}}`;
  // TypeMismatch (14).
  if (operator === '$inc' && typeof argument !== 'number') throw refused(`Cannot increment with non-numeric argument: ${field}`);
  if (operator === '$mul' && typeof argument !== 'number') throw refused(`Cannot multiply with non-numeric argument: ${field}`);
  // BadValue (2).
  if (operator === '$rename' && argument === path)
    throw refused(`The source and target field for $rename must differ: ${path}: ${shown(argument)}`);
  if (operator === '$rename' && typeof argument === 'string' && (argument.startsWith(`${path}.`) || path.startsWith(`${argument}.`))) {
    throw refused(`The source and target field for $rename must not be on the same path: ${path}: ${shown(argument)}`);
  }
}

function assertTargetType(operator: string, path: string, value: unknown, doc: Doc): void {
  const field = path.split('.').pop() as string;
  const type = bsonTypeOf(value);
  const inDocument = `{_id: ${shown(doc._id)}}`;
  switch (operator) {
    case '$inc':
    case '$mul':
      // TypeMismatch (14).
      if (typeof value !== 'number')
        throw refused(
          `Cannot apply ${operator} to a value of non-numeric type. ${inDocument} has the field '${field}' of non-numeric type ${type}`,
        );
      return;
    case '$push':
      // BadValue (2).
      if (!Array.isArray(value)) throw refused(`The field '${field}' must be an array but is of type ${type} in document ${inDocument}`);
      return;
    case '$addToSet':
      if (!Array.isArray(value))
        throw refused(`Cannot apply $addToSet to non-array field. Field named '${field}' has non-array type ${type}`);
      return;
    case '$pull':
    case '$pullAll':
      if (!Array.isArray(value)) throw refused('Cannot apply $pull to a non-array value');
      return;
    case '$pop':
      // TypeMismatch (14).
      if (!Array.isArray(value)) throw refused(`Path '${path}' contains an element of non-array type '${type}'`);
      return;
    default:
  }
}

interface Resolved {
  present: boolean;
  value?: unknown;
  /** Set when a segment of the path lies inside something that cannot hold fields. */
  blocked?: { segment: string; parent: string; value: unknown };
}

/** Where a dotted path leads in the document: a value, nothing (creatable), or a dead end. */
function resolvePath(doc: Doc, path: string): Resolved {
  let current: unknown = doc;
  let parent = '_id';
  for (const segment of path.split('.')) {
    if (isPlainObject(current)) {
      if (!(segment in current)) return { present: false };
      current = current[segment];
    } else if (Array.isArray(current) && /^\d+$/.test(segment)) {
      if (Number(segment) >= current.length) return { present: false };
      current = current[Number(segment)];
    } else {
      return { present: false, blocked: { segment, parent, value: current } };
    }
    parent = segment;
  }
  return { present: current !== undefined, value: current };
}

/** The BSON type name MongoDB prints in these messages. */
function bsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? 'int' : 'double';
  if (Array.isArray(value)) return 'array';
  if (types.isDate(value)) return 'date';
  if (types.isRegExp(value)) return 'regex';
  return 'object';
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function refused(message: string) {
  return writeRefused('Update', message);
}
