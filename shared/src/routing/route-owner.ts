import type { GridTree } from '../grid/grid-tree';

/** The names a resident reads where a report went: its owner's, and the community it lies in. */
export type OwnerNames = { readonly ownerName?: string; readonly communityName?: string };

/**
 * The owner's names from the tree the report was routed over (城关社区第3网格 in 城关社区): a grid's
 * community is its parent, a community is its own; places above a community lie in none.
 */
export function ownerNamesIn(tree: GridTree, ownerCode: string): OwnerNames {
  const owner = tree.nodes.get(ownerCode);
  if (!owner) return {};
  const parent = owner.parentCode ? tree.nodes.get(owner.parentCode) : undefined;
  const communityName = owner.level === 'grid' ? parent?.name : owner.level === 'community' ? owner.name : undefined;
  return { ownerName: owner.name, ...(communityName !== undefined && { communityName }) };
}
