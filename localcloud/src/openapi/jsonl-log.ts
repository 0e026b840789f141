import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** An append-only record on disk, one JSON value a line; an acknowledged append survives a crash. */
export interface JsonlLog<T> {
  append(entry: T): void;
  /** Every entry, oldest first; a line a crash cut short is skipped. */
  readAll(): T[];
}

export function createJsonlLog<T>(path: string): JsonlLog<T> {
  mkdirSync(dirname(path), { recursive: true });
  return {
    append(entry) {
      const fd = openSync(path, 'a');
      try {
        writeSync(fd, `${JSON.stringify(entry)}\n`);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
    readAll() {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        return [];
      }
      return text.split('\n').flatMap((line) => {
        if (!line) return [];
        try {
          return [JSON.parse(line) as T];
        } catch {
          return [];
        }
      });
    },
  };
}
