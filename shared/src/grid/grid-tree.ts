import type { MultiPolygon } from '../geo/lng-lat';
import { type GridLevel, type OwnerLevel, isOwnerLevel, parentLevelOf } from './grid-level';

/** One place of the tree with its boundary (GCJ-02). */
export type GridNode = {
  readonly code: string;
  readonly name: string;
  readonly level: GridLevel;
  readonly parentCode: string | null;
  readonly area: MultiPolygon;
};

/** The validated tree: every node by code, and the county at its root. */
export type GridTree = {
  readonly countyCode: string;
  readonly nodes: ReadonlyMap<string, GridNode>;
};

/** The codes of an owner and of each place above it, by level (the county is always there). */
export type RegionPath = { readonly county: string } & Partial<Record<Exclude<OwnerLevel, 'county'>, string>>;

/**
 * Builds the tree from its nodes, checking what the router relies on: unique codes, exactly one county,
 * and every other node's parent present at the level directly above. Bad data throws: it is a seeding
 * bug to fix, not a condition to handle at run time.
 */
export function buildGridTree(nodes: readonly GridNode[]): GridTree {
  const byCode = new Map<string, GridNode>();
  for (const node of nodes) {
    if (byCode.has(node.code)) throw new Error(`grid tree: duplicate code ${node.code}`);
    byCode.set(node.code, node);
  }
  const counties = nodes.filter((node) => node.level === 'county');
  const county = counties[0];
  if (counties.length !== 1 || !county) throw new Error(`grid tree: expected one county, found ${counties.length}`);
  for (const node of nodes) checkParent(node, byCode);
  return { countyCode: county.code, nodes: byCode };
}

function checkParent(node: GridNode, byCode: ReadonlyMap<string, GridNode>): void {
  const expectedLevel = parentLevelOf(node.level);
  if (expectedLevel === undefined) {
    if (node.parentCode !== null) throw new Error(`grid tree: county ${node.code} has a parent`);
    return;
  }
  const parent = node.parentCode === null ? undefined : byCode.get(node.parentCode);
  if (!parent) throw new Error(`grid tree: ${node.code} has unknown parent ${String(node.parentCode)}`);
  if (parent.level !== expectedLevel) {
    throw new Error(`grid tree: ${node.code} (${node.level}) has a ${parent.level} parent, expected a ${expectedLevel}`);
  }
}

/** The codes of a place and everything above it, keyed by level; a micro-grid contributes its grid and above. */
export function regionPathOf(tree: GridTree, code: string): RegionPath {
  const path: Partial<Record<OwnerLevel, string>> = {};
  for (let node = tree.nodes.get(code); node; node = node.parentCode === null ? undefined : tree.nodes.get(node.parentCode)) {
    if (isOwnerLevel(node.level)) path[node.level] = node.code;
  }
  return { ...path, county: tree.countyCode };
}
