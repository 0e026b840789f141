import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/**
 * What the local cloud has stored, cheaply enough to take before and after every hostile call:
 * - SQLite's `PRAGMA data_version` on a read-only connection of our own to the documents database: it
 *   changes whenever any other connection (the cloud's) commits, so it sees every database write —
 *   inserts, updates, removes, transactions — whatever collection or field it touches;
 * - the document count of every collection, to name what a write added or removed;
 * - every file under the data directory outside the database (storage, open-API records): path, size, mtime.
 * Read-only: the data directory is the cloud's, and nothing here writes to it.
 */
export interface StoredState {
  dataVersion: number;
  counts: Record<string, number>;
  files: Record<string, string>;
}

export interface WriteWatch {
  snapshot(): StoredState;
  /** What changed between two snapshots, as readable lines; empty when nothing was written. */
  changes(before: StoredState, after: StoredState): string[];
  close(): void;
}

/** Watches the data directory of a local cloud started by tests/helpers/local-cloud.ts. */
export function watchWrites(dataDir: string): WriteWatch {
  const db = new Database(join(dataDir, 'db', 'documents.sqlite'), { readonly: true, fileMustExist: true });
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const collections = db.prepare('SELECT name FROM collections ORDER BY name').pluck();
  const counters = new Map<string, Database.Statement>();
  // The store keeps a collection in the table `c:<name>` (document-store.ts `table()`).
  const countOf = (name: string) => {
    let counter = counters.get(name);
    if (!counter) counters.set(name, (counter = db.prepare(`SELECT count(*) FROM "c:${name.replace(/"/g, '""')}"`).pluck()));
    return counter.get() as number;
  };
  return {
    snapshot() {
      const counts: Record<string, number> = {};
      // One read transaction, so the version and the counts describe the same moment.
      db.transaction(() => {
        for (const name of collections.all() as string[]) counts[name] = countOf(name);
      })();
      return { dataVersion: dataVersion.get() as number, counts, files: filesUnder(dataDir, join(dataDir, 'db')) };
    },
    changes(before, after) {
      const lines: string[] = [];
      if (before.dataVersion !== after.dataVersion)
        lines.push(`database committed (data_version ${before.dataVersion} → ${after.dataVersion})`);
      for (const name of new Set([...Object.keys(before.counts), ...Object.keys(after.counts)])) {
        if (before.counts[name] !== after.counts[name])
          lines.push(`${name}: ${before.counts[name] ?? 'absent'} → ${after.counts[name] ?? 'absent'} documents`);
      }
      for (const path of new Set([...Object.keys(before.files), ...Object.keys(after.files)])) {
        if (before.files[path] !== after.files[path])
          lines.push(`file ${path}: ${before.files[path] ?? 'absent'} → ${after.files[path] ?? 'absent'}`);
      }
      return lines;
    },
    close: () => db.close(),
  };
}

function filesUnder(dir: string, skip: string): Record<string, string> {
  const found: Record<string, string> = {};
  if (!existsSync(dir)) return found;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (path === skip) continue;
    if (entry.isDirectory()) Object.assign(found, filesUnder(path, skip));
    else if (entry.isFile()) {
      const stat = statSync(path);
      found[path.slice(dir.length)] = `${stat.size}@${stat.mtimeMs}`;
    }
  }
  return found;
}
