import type { GridCard, Role } from '@pingan/shared';
import { findRegion } from './regions.repository';
import type { UserDoc } from '../users/user-document';
import { usersServingGrid } from '../users/users.repository';

/** The published staff of a grid (一网一长一员一警一医), in the order a resident reads them. */
const STAFF_CONTACT_ROLES = ['gridLeader', 'gridWorker', 'police', 'doctor'] as const satisfies readonly Role[];

/** A grid as a resident sees it once joined, or undefined when no grid has this code. */
export async function gridCard(code: string): Promise<GridCard | undefined> {
  const [grid, staff] = await Promise.all([findRegion(code), usersServingGrid(code, STAFF_CONTACT_ROLES)]);
  if (!grid || grid.level !== 'grid') return undefined;
  return { code: grid.code, name: grid.name, communityName: grid.parentName ?? '', staff: staffContacts(staff) };
}

/** One contact per staff role a person holds in the grid, by role then by person. */
function staffContacts(people: readonly Pick<UserDoc, '_id' | 'name' | 'phone' | 'roles'>[]): GridCard['staff'] {
  const sorted = [...people].sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0));
  return STAFF_CONTACT_ROLES.flatMap((role) =>
    sorted.filter((person) => person.roles.includes(role)).map((person) => ({ role, name: person.name, phone: person.phone ?? '' })),
  );
}
