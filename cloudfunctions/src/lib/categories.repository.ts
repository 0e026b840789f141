import type { Category } from '@pingan/shared';
import { db, oneOf } from './sdk';

/** A report category by its code, or undefined when there is none. */
export async function findCategory(code: string): Promise<Category | undefined> {
  return oneOf<Category>(db().collection('categories').doc(code).get());
}
