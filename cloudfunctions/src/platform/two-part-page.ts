import { encodeCursor, readKeysetPage, type KeysetList, type Page, type PageRead } from './page-cursor';

/**
 * Keyset paging over a list made of two keyset lists one after the other (what needs someone first, then
 * the rest), each on its own index. A cursor in the first part carries its row's sort value as it is; one
 * in the second part carries it negated, so both parts' sort values must be positive (epoch ms). A page
 * that crosses the parts costs two reads of ≤ limit + 1 rows.
 */
export async function readTwoPartPage<T extends { readonly _id: string }>(
  first: KeysetList,
  second: KeysetList,
  page: PageRead,
): Promise<Page<T>> {
  const keyOf = (list: KeysetList, row: T): number => valueAt(row, list.orderBy);
  const secondCursor = (rows: Page<T>): string | null => {
    const last = rows.items[rows.items.length - 1];
    return rows.nextCursor !== null && last ? encodeCursor([-keyOf(second, last), last._id]) : null;
  };
  if (page.after !== undefined && page.after[0] < 0) {
    const rows = await readKeysetPage<T>(second, { limit: page.limit, after: [-page.after[0], page.after[1]] });
    return { items: rows.items, nextCursor: secondCursor(rows) };
  }
  const head = await readKeysetPage<T>(first, page);
  if (head.nextCursor !== null) return head;
  const room = page.limit - head.items.length;
  const tail = await readKeysetPage<T>(second, { limit: Math.max(room, 1) });
  if (room === 0) {
    // The first part filled the page: the next one reads on after its last row, finds no more, and starts the second.
    const last = head.items[head.items.length - 1];
    return { items: head.items, nextCursor: tail.items.length > 0 && last ? encodeCursor([keyOf(first, last), last._id]) : null };
  }
  return { items: [...head.items, ...tail.items], nextCursor: secondCursor(tail) };
}

/** A number at a field's path, dotted for an embedded one (`slot.startsAt`). */
function valueAt(row: object, path: string): number {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], row) as number;
}
