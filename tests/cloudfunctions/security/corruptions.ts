import fc from 'fast-check';
import { hostileKey, hostileValue, identityValue, IDENTITY_KEYS, impersonation, materialise, randomEvent } from './hostile-values';

/**
 * Ways to corrupt a valid event. Paths are picked by index into the event's own paths (`pick` modulo
 * their count), so the corruption is generated without knowing the event and still shrinks well.
 */
export type Corruption =
  | { readonly kind: 'replace'; readonly pick: number; readonly value: unknown }
  | { readonly kind: 'add'; readonly pick: number; readonly key: string; readonly value: unknown }
  | { readonly kind: 'remove'; readonly pick: number }
  | { readonly kind: 'identity'; readonly fields: ReadonlyArray<readonly [string, unknown]> }
  | { readonly kind: 'whole'; readonly value: unknown };

const pick = fc.nat({ max: 1_000 });

export const corruption: fc.Arbitrary<Corruption> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), pick, value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('add' as const), pick, key: hostileKey, value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), pick }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('identity' as const),
      fields: fc.array(fc.tuple(fc.constantFrom(...IDENTITY_KEYS), identityValue), { minLength: 1, maxLength: 4 }),
    }),
  },
  {
    weight: 3,
    arbitrary: impersonation.map((fields) => ({ kind: 'identity' as const, fields: Object.entries(fields) })),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('whole' as const), value: randomEvent }) },
);

/** One to three corruptions, applied in order. */
export const corruptions: fc.Arbitrary<Corruption[]> = fc.array(corruption, { minLength: 1, maxLength: 3 });

type Path = ReadonlyArray<string | number>;

/** The valid event with the corruptions applied; the valid event itself is left alone. */
export function corrupt(valid: unknown, changes: readonly Corruption[]): unknown {
  let event: unknown = JSON.parse(JSON.stringify(valid));
  for (const change of changes) event = applyOne(event, change);
  return event;
}

function applyOne(event: unknown, change: Corruption): unknown {
  switch (change.kind) {
    case 'whole':
      return materialise(change.value);
    case 'identity': {
      if (!isContainer(event) || Array.isArray(event)) return event;
      for (const [key, value] of change.fields) setOwn(event, key, materialise(value));
      return event;
    }
    case 'replace': {
      const paths = pathsOf(event);
      const path = paths[change.pick % paths.length] ?? [];
      return path.length === 0 ? materialise(change.value) : setAt(event, path, materialise(change.value));
    }
    case 'add': {
      const objects = pathsOf(event).filter((path) => isPlainObject(valueAt(event, path)));
      const path = objects[change.pick % Math.max(objects.length, 1)];
      if (path === undefined) return event;
      setOwn(valueAt(event, path) as Record<string, unknown>, change.key, materialise(change.value));
      return event;
    }
    case 'remove': {
      const paths = pathsOf(event).filter((path) => path.length > 0);
      const path = paths[change.pick % Math.max(paths.length, 1)];
      if (path === undefined) return event;
      const parent = valueAt(event, path.slice(0, -1)) as Record<string | number, unknown> | unknown[];
      const key = path[path.length - 1] as string | number;
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      return event;
    }
  }
}

/**
 * Every path in the event (the root too), as deep and as wide as a valid event goes: a few levels, a
 * few dozen entries. Hostile values already put in place (huge, deep) are targets, not explored.
 */
function pathsOf(value: unknown, prefix: Path = [], depth = 0): Path[] {
  const paths: Path[] = [prefix];
  if (!isContainer(value) || depth >= 4 || Object.keys(value).length > 32) return paths;
  const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  for (const [key, child] of entries) paths.push(...pathsOf(child, [...prefix, key], depth + 1));
  return paths;
}

function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((at, key) => (at as Record<string | number, unknown>)[key], value);
}

function setAt(event: unknown, path: Path, replacement: unknown): unknown {
  const parent = valueAt(event, path.slice(0, -1)) as Record<string | number, unknown>;
  setOwn(parent, path[path.length - 1] as string | number, replacement);
  return event;
}

/** An own, enumerable property even for `__proto__` (plain assignment would change the prototype instead). */
function setOwn(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return typeof value === 'object' && value !== null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return isContainer(value) && !Array.isArray(value);
}
