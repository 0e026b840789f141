import type { Assignee } from '@pingan/shared';
import { db, listOf } from '../platform/sdk';

/**
 * Names for lists: the people cases are assigned to and the grids they lie in, each in one query by `_id`
 * (the primary key), so a page of any size costs one read per kind.
 */

/** The names of the people with these ids (at most a page's worth). */
export async function namesOfPeople(ids: readonly string[]): Promise<Map<string, string>> {
  return namesIn('users', ids);
}

/** The names of the places (grids, regions) with these codes. */
export async function namesOfPlaces(codes: readonly string[]): Promise<Map<string, string>> {
  return namesIn('regions', codes);
}

async function namesIn(collection: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].slice(0, 1000);
  if (unique.length === 0) return new Map();
  const _ = db().command;
  const rows = await listOf<{ _id: string; name: string }>(
    db()
      .collection(collection)
      .where({ _id: _.in(unique) })
      .field({ _id: true, name: true })
      .limit(unique.length)
      .get(),
  );
  return new Map(rows.map((row) => [row._id, row.name]));
}

/** The person ids among the assignees of these cases. */
export function assignedPeople(cases: readonly { readonly assignee?: Assignee }[]): string[] {
  return cases.flatMap((c) => (c.assignee?.kind === 'person' ? [c.assignee.personId] : []));
}

/** An assignee's name: a department by its own name, a person by the names read (absent when not found). */
export function assigneeNameOf(assignee: Assignee | undefined, people: ReadonlyMap<string, string>): string | undefined {
  if (!assignee) return undefined;
  return assignee.kind === 'department' ? assignee.department : people.get(assignee.personId);
}
