import type { Category } from '@pingan/shared';
import { readAll, db, oneOf } from '../platform/sdk';
import { ttlCache } from '../platform/ttl-cache';

const CATEGORIES = 'categories';

/** How long a warm instance answers the category list from memory before reading it again. */
const CATEGORIES_TTL_MS = 60_000;

/** A category as stored: the config's category under its code, with its place in the county's order. */
type CategoryDoc = Category & { readonly _id: string; readonly order: number };

/** A report category by its code, or undefined when there is none. */
export async function findCategory(code: string): Promise<Category | undefined> {
  return oneOf<Category>(db().collection(CATEGORIES).doc(code).get());
}

const allCategories = ttlCache(CATEGORIES_TTL_MS, () => readAll<CategoryDoc>(CATEGORIES, 'order'));

/** Every report category in the county's order, read at most once a minute per instance. */
export function listCategories(now: number): Promise<readonly Category[]> {
  return allCategories.get(now);
}
