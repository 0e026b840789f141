import { AppError } from './app-error';
import { db, listOf } from './sdk';

/**
 * Keyset paging: a page is read after the last row of the previous one, by its sort value and `_id`, so
 * pages stay correct while rows are added and cost the same however deep. The cursor is that key as
 * opaque base64url JSON.
 */
export type PageKey = readonly [sortValue: number, id: string];

const DEFAULT_PAGE_SIZE = 20;

/** The opaque cursor of a page key, for a list that pages over more than one stream (my-tasks.repository.ts). */
export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The key a cursor carries; a cursor the server did not make is the caller's error. */
function decodeCursor(cursor: string | undefined): PageKey | undefined {
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

/** What a repository reads for a page: `limit + 1` rows after the key (the extra row says more follow). */
export type PageRead = { readonly limit: number; readonly after?: PageKey };

/** A page's rows and the cursor of the next page (null on the last one). */
export type Page<T> = { readonly items: T[]; readonly nextCursor: string | null };

/** The read a paged call asks for (pageRequestSchema); a cursor the server did not make is refused here. */
export function pageReadOf(request: { readonly cursor?: string; readonly limit?: number }): PageRead {
  const after = decodeCursor(request.cursor);
  return { limit: request.limit ?? DEFAULT_PAGE_SIZE, ...(after && { after }) };
}

/** The page's rows and the cursor of the next page, from `limit + 1` rows read (null when none follow). */
function pageOf<T>(rows: readonly T[], limit: number, keyOf: (row: T) => PageKey): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** A keyset-paged list: the documents of `collection` matching `where`, by the number `orderBy` then `_id`. */
export type KeysetList = {
  readonly collection: string;
  readonly where: object;
  readonly orderBy: string;
  readonly direction: 'asc' | 'desc';
  /** A projection, such as `{ events: false }`. */
  readonly field?: object;
};

/**
 * One page of a keyset-paged list, in one query: the rows after the previous page's last key in the
 * list's order (ties on the sort value broken by `_id`, in the same direction), each passed through
 * `fromStored`, with the next page's cursor made from the last row's sort value and `_id`.
 */
export async function readKeysetPage<T extends { readonly _id: string }>(
  list: KeysetList,
  page: PageRead,
  fromStored: (row: T) => T = (row) => row,
): Promise<Page<T>> {
  const _ = db().command;
  const { orderBy, direction } = list;
  const beyond = (value: number | string) => (direction === 'asc' ? _.gt(value) : _.lt(value));
  const after = page.after && _.or([{ [orderBy]: beyond(page.after[0]) }, { [orderBy]: page.after[0], _id: beyond(page.after[1]) }]);
  const ordered = db()
    .collection(list.collection)
    .where(after ? _.and([list.where, after]) : list.where)
    .orderBy(orderBy, direction)
    .orderBy('_id', direction);
  const rows = await listOf<T>((list.field ? ordered.field(list.field) : ordered).limit(page.limit + 1).get());
  return pageOf(rows.map(fromStored), page.limit, (row) => [valueAt(row, orderBy) as number, row._id]);
}

/** A field's value by its path, dotted for an embedded one (`slot.startsAt`). */
function valueAt(row: object, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], row);
}
