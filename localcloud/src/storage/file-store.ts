import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The bytes of stored files, keyed by cloud path. */
export interface FileStore {
  /** Durable once it returns: the bytes are fsync'd and renamed into place, never half-written. */
  write(cloudPath: string, bytes: Buffer): void;
  read(cloudPath: string): Buffer | undefined;
  exists(cloudPath: string): boolean;
  /** True when there was a file to remove. */
  remove(cloudPath: string): boolean;
}

/**
 * Files live under `dir/objects/<2 hex>/<sha256 of the cloud path>`. Hashing keeps object storage's flat
 * key space (`a` and `a/b` can both exist, which a mirrored folder tree cannot hold) and makes a path
 * that escapes `dir` impossible.
 */
export function createFileStore(dir: string): FileStore {
  const tmpDir = join(dir, 'tmp');
  rmSync(tmpDir, { recursive: true, force: true }); // leftovers of writes a crash interrupted
  mkdirSync(tmpDir, { recursive: true });
  const pathOf = (cloudPath: string) => {
    const hash = createHash('sha256').update(cloudPath).digest('hex');
    return join(dir, 'objects', hash.slice(0, 2), hash);
  };

  return {
    write(cloudPath, bytes) {
      const target = pathOf(cloudPath);
      mkdirSync(dirname(target), { recursive: true });
      const tmp = join(tmpDir, randomUUID());
      writeDurably(tmp, bytes);
      renameSync(tmp, target);
      fsyncDirectory(dirname(target));
    },
    read(cloudPath) {
      try {
        return readFileSync(pathOf(cloudPath));
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    exists(cloudPath) {
      return existsSync(pathOf(cloudPath));
    },
    remove(cloudPath) {
      try {
        unlinkSync(pathOf(cloudPath));
        return true;
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    },
  };
}

function writeDurably(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'w');
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** So that the rename itself survives a crash. */
function fsyncDirectory(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
