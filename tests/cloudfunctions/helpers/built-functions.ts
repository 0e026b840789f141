import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFunctions } from '../../../tools/build-functions';

const root = join(__dirname, '../../..');
export const FUNCTIONS_DIR = join(root, 'cloudfunctions/dist');
const STAMP = join(FUNCTIONS_DIR, '.sources-sha256');
const LOCK = join(FUNCTIONS_DIR, '.build-lock');
const STALE_LOCK_MS = 120_000;

/**
 * The cloud functions built with tools/build-functions.ts into cloudfunctions/dist, once per change of
 * their sources: jest runs test files in parallel workers, so the first to get here builds under a lock
 * and records the sources' digest; the others wait for it, see the digest and build nothing.
 */
export async function builtFunctions(): Promise<string> {
  await withLock(async () => {
    const digest = sourcesDigest();
    if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === digest) return;
    await buildFunctions();
    writeFileSync(STAMP, digest);
  });
  return FUNCTIONS_DIR;
}

function sourcesDigest(): string {
  const hash = createHash('sha256');
  const files = [
    ...filesUnder(join(root, 'cloudfunctions/src')),
    ...filesUnder(join(root, 'shared/src')),
    join(root, 'tools/build-functions.ts'),
    join(root, 'cloudfunctions/package.json'),
  ];
  for (const file of files) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** A lock directory (mkdir is atomic); one left behind by a killed run is taken over once it is stale. */
async function withLock(work: () => Promise<void>): Promise<void> {
  mkdirSync(FUNCTIONS_DIR, { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
