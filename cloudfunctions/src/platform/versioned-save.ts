import { db, isDuplicateKey, updatedCount } from './sdk';

/**
 * Saves a document whose changes are conditional on its `version`: the first under its `_id` is an insert
 * (a racing first one collides on `_id`), a later one an update of the version read, with the optional
 * fields it no longer has removed. False: someone else wrote first, and the caller decides again on what
 * is stored. 网格报到 and 信息员 applications are kept so.
 */
export async function saveVersioned(
  collection: string,
  id: string,
  fields: Record<string, unknown>,
  before: { readonly version: number } | undefined,
  optionalFields: readonly string[],
): Promise<boolean> {
  if (!before) {
    try {
      await db()
        .collection(collection)
        .add({ data: { ...fields, _id: id, version: 0 } });
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
  const _ = db().command;
  const cleared = Object.fromEntries(optionalFields.filter((field) => fields[field] === undefined).map((field) => [field, _.remove()]));
  const updated = await updatedCount(
    db()
      .collection(collection)
      .where({ _id: id, version: before.version })
      .update({ data: { ...fields, ...cleared, version: _.inc(1) } }),
  );
  return updated === 1;
}
