import { createHash, randomUUID } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The bytes of stored files, keyed by cloud path, with the openid of whoever uploaded each from a client. */
export interface FileStore {
  /**
   * Durable once it returns: the bytes are fsync'd and renamed into place, never half-written. `owner` is
   * the client that uploaded them (`resource.openid` in the storage rules); a server write has none and
   * clears any previous owner.
   */
  write(cloudPath: string, bytes: Buffer, owner?: string): void;
  read(cloudPath: string): Buffer | undefined;
  exists(cloudPath: string): boolean;
  /** The openid that uploaded the file from a client; undefined for a server-written or missing file. */
  ownerOf(cloudPath: string): string | undefined;
  /** True when there was a file to remove. */
  remove(cloudPath: string): boolean;
}

/**
 * Files live under `dir/objects/<2 hex>/<sha256 of the cloud path>`. Hashing keeps object storage's flat
 * key space (`a` and `a/b` can both exist, which a mirrored folder tree cannot hold) and makes a path
 * that escapes `dir` impossible. A file's owner is a sidecar `<sha256>.meta.json` (`{ "openid" }`) beside
 * it, written the same durable way and always changed BEFORE the bytes: a crash in between can leave a
 * server-written file ownerless (nobody but the server may touch it) but never give a user a file the
 * server wrote. A sidecar without bytes is inert: a file exists only when its bytes do.
 */
export function createFileStore(dir: string): FileStore {
  const tmpDir = join(dir, 'tmp');
  rmSync(tmpDir, { recursive: true, force: true }); // leftovers of writes a crash interrupted
  mkdirSync(tmpDir, { recursive: true });
  const pathOf = (cloudPath: string) => {
    const hash = createHash('sha256').update(cloudPath).digest('hex');
    return join(dir, 'objects', hash.slice(0, 2), hash);
  };
  const metaOf = (cloudPath: string) => `${pathOf(cloudPath)}.meta.json`;
  const replace = (target: string, bytes: Buffer) => {
    mkdirSync(dirname(target), { recursive: true });
    const tmp = join(tmpDir, randomUUID());
    writeDurably(tmp, bytes);
    renameSync(tmp, target);
    fsyncDirectory(dirname(target));
  };

  return {
    write(cloudPath, bytes, owner) {
      if (owner !== undefined) replace(metaOf(cloudPath), Buffer.from(JSON.stringify({ openid: owner })));
      else if (removeIfPresent(metaOf(cloudPath))) fsyncDirectory(dirname(metaOf(cloudPath)));
      replace(pathOf(cloudPath), bytes);
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
    ownerOf(cloudPath) {
      if (!existsSync(pathOf(cloudPath))) return undefined;
      try {
        const { openid } = JSON.parse(readFileSync(metaOf(cloudPath), 'utf8')) as { openid?: unknown };
        return typeof openid === 'string' ? openid : undefined;
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    remove(cloudPath) {
      const removed = removeIfPresent(pathOf(cloudPath));
      removeIfPresent(metaOf(cloudPath));
      return removed;
    },
  };
}

/** True when there was a file to remove. */
function removeIfPresent(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
  }
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
