import type { GridTree } from '@pingan/shared';
import { findRegion } from './regions.repository';

/** The names a resident reads where a report went: its owner's, and the community it lies in. */
export type OwnerNames = { readonly ownerName?: string; readonly communityName?: string };

type Place = { readonly name: string; readonly level: string };

function namesOf(owner: Place | undefined, parentName: string | undefined): OwnerNames {
  if (!owner) return {};
  const communityName = owner.level === 'grid' ? parentName : owner.level === 'community' ? owner.name : undefined;
  return { ownerName: owner.name, ...(communityName !== undefined && { communityName }) };
}

/** The owner's names from the tree the report was just routed over: no read. */
export function ownerNamesIn(tree: GridTree, ownerCode: string): OwnerNames {
  const owner = tree.nodes.get(ownerCode);
  const parent = owner?.parentCode ? tree.nodes.get(owner.parentCode) : undefined;
  return namesOf(owner, parent?.name);
}

/** The owner's names from the regions collection (one read by code), for a report routed earlier. */
export async function ownerNamesOf(ownerCode: string): Promise<OwnerNames> {
  const owner = await findRegion(ownerCode);
  return namesOf(owner, owner?.parentName ?? undefined);
}
