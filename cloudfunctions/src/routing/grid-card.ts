import { GRID_STAFF_ROLES, type GridCard } from '@pingan/shared';
import { findRegion } from './regions.repository';
import type { UserDoc } from '../users/user-document';
import { usersServingGrid } from '../users/users.repository';

/** A grid as a resident sees it once joined, or undefined when no grid has this code. */
export async function gridCard(code: string): Promise<GridCard | undefined> {
  const [grid, staff] = await Promise.all([findRegion(code), usersServingGrid(code, GRID_STAFF_ROLES)]);
  if (!grid || grid.level !== 'grid') return undefined;
  return { code: grid.code, name: grid.name, communityName: grid.parentName ?? '', staff: staffContacts(staff) };
}

/** One contact per staff role a person holds in the grid, by role then by person. */
function staffContacts(people: readonly Pick<UserDoc, '_id' | 'name' | 'phone' | 'roles'>[]): GridCard['staff'] {
  const sorted = [...people].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  return GRID_STAFF_ROLES.flatMap((role) =>
    sorted.filter((person) => person.roles.includes(role)).map((person) => ({ role, name: person.name, phone: person.phone ?? '' })),
  );
}
