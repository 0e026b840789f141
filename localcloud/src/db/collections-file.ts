import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * The collections file a deploy reads (LOCALCLOUD_DATABASE_FILE): which collections exist, their indexes
 * and their security rules, as they are set per collection in the CloudBase console.
 *
 *   { "collections": { "reports": { "indexes": [ { "name": "by_grid", "keys": { "gridCode": 1, "createdAt": -1 } },
 *                                                 { "name": "by_openid", "keys": { "_openid": 1 }, "unique": true } ],
 *                                   "rules": { "read": "auth.openid == doc._openid", "write": false } } } }
 *
 * Security rules only govern client-side (mini-program) access; every call that reaches this server comes
 * from the server SDK, which CloudBase treats as an administrator, so rules are read and not enforced.
 */

const FIELD_PATH = /^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/;

const IndexSchema = z.object({
  name: z.string().min(1),
  /** 1 / -1 for ordinary keys; "2dsphere" is accepted for geo fields (geo queries scan, see geo.ts). */
  keys: z.record(
    z.string().regex(FIELD_PATH, 'index keys must be plain dotted field paths'),
    z.union([z.literal(1), z.literal(-1), z.literal('2dsphere')]),
  ),
  unique: z.boolean().optional(),
});

const CollectionSchema = z.object({
  indexes: z.array(IndexSchema).default([]),
  rules: z.record(z.string(), z.unknown()).optional(),
});

const CollectionsFileSchema = z.object({
  collections: z.record(z.string().min(1), CollectionSchema).default({}),
});

export type DeclaredIndex = z.infer<typeof IndexSchema>;
export type DeclaredCollection = z.infer<typeof CollectionSchema>;
export type DeclaredCollections = Record<string, DeclaredCollection>;

/** Reads and checks the collections file; no file means no declared collections. */
export function readCollectionsFile(path: string | undefined): DeclaredCollections {
  if (!path) return {};
  const parsed = CollectionsFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`invalid collections file ${path}: ${parsed.error.message}`);
  return parsed.data.collections;
}

/** The ordinary (1 / -1) key paths of an index, in order; geo keys are left out. */
export function orderedKeyPaths(index: DeclaredIndex): string[] {
  return Object.entries(index.keys)
    .filter(([, direction]) => direction !== '2dsphere')
    .map(([path]) => path);
}
