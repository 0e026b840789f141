import { AppError } from './app-error';

/**
 * Keyset paging: a page is read after the last row of the previous one, by its sort value and `_id`, so
 * pages stay correct while rows are added and cost the same however deep. The cursor is that key as
 * opaque base64url JSON.
 */
export type PageKey = readonly [sortValue: number, id: string];

export const DEFAULT_PAGE_SIZE = 20;

export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key a cursor carries; a cursor the server did not make is the caller's error. */
export function decodeCursor(cursor: string | undefined): PageKey | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    key = undefined;
  }
  if (!Array.isArray(key) || key.length !== 2 || !Number.isFinite(key[0]) || typeof key[1] !== 'string') {
    throw new AppError('INPUT.INVALID', 'invalid cursor');
  }
  return [key[0] as number, key[1] as string];
}

/** The page's rows and the cursor of the next page, from `limit + 1` rows read (null when none follow). */
export function pageOf<T>(rows: readonly T[], limit: number, keyOf: (row: T) => PageKey): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
