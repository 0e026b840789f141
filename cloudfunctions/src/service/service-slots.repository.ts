import { db, isDuplicateKey, listOf, updatedCount } from '../platform/sdk';

const SLOTS = 'serviceSlots';

type SlotCounterDoc = { readonly _id: string; readonly booked: number };

/**
 * Takes one place of a slot occurrence while fewer than `capacity` are booked: one conditional increment,
 * so thirty residents racing for three places get exactly three. The first booking of an occurrence
 * creates its counter at 1 (a racing creator loses on the `_id` and takes its place by the increment).
 */
export async function takeSlotPlace(id: string, capacity: number): Promise<boolean> {
  if (capacity < 1) return false;
  if (await incrementBelow(id, capacity)) return true;
  try {
    await db()
      .collection(SLOTS)
      .add({ data: { _id: id, booked: 1 } });
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return incrementBelow(id, capacity);
  }
}

/** Gives a place back (a cancelled booking, or a booking that found its retry stored first). */
export async function releaseSlotPlace(id: string): Promise<void> {
  const _ = db().command;
  await db()
    .collection(SLOTS)
    .where({ _id: id, booked: _.gt(0) })
    .update({ data: { booked: _.inc(-1) } });
}

/** How many places of these occurrences are booked (one query by `_id`; an occurrence never booked is absent). */
export async function bookedPlaces(ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const _ = db().command;
  const rows = await listOf<SlotCounterDoc>(
    db()
      .collection(SLOTS)
      .where({ _id: _.in([...ids]) })
      .limit(ids.length)
      .get(),
  );
  return new Map(rows.map((row) => [row._id, row.booked]));
}

async function incrementBelow(id: string, capacity: number): Promise<boolean> {
  const _ = db().command;
  const updated = await updatedCount(
    db()
      .collection(SLOTS)
      .where({ _id: id, booked: _.lt(capacity) })
      .update({ data: { booked: _.inc(1) } }),
  );
  return updated === 1;
}
