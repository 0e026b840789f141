import { multiPolygonBoundaryDistanceM } from '../geo/boundary-distance';
import type { LngLat } from '../geo/lng-lat';
import { multiPolygonPointRelation } from '../geo/point-relation';
import type { GridLevel } from '../grid/grid-level';
import type { GridNode, GridTree } from '../grid/grid-tree';

/** A place whose area holds the point, and whether the point is strictly inside or on its boundary. */
export type AreaHit = { readonly node: GridNode; readonly relation: 'inside' | 'boundary' };

/** A grid near a point and the distance from the point to its boundary. */
export type NearbyGrid = { readonly node: GridNode; readonly distanceM: number };

/**
 * The geometric questions the router asks. Two implementations answer them: the naive scan below, which
 * is the reference, and the bbox-cell index (grid-index.ts); they must give the same answers.
 */
export interface GridLocator {
  readonly tree: GridTree;
  /** Places of one level whose area holds the point, edges included, in no particular order. */
  containing(point: LngLat, level: GridLevel): AreaHit[];
  /** Grids whose boundary lies within `maxM` metres of the point, in no particular order. */
  gridsWithin(point: LngLat, maxM: number): NearbyGrid[];
}

/** The reference locator: tests every node of the tree, with no index at all. */
export function scanLocator(tree: GridTree): GridLocator {
  const nodes = [...tree.nodes.values()];
  return {
    tree,
    containing(point, level) {
      return nodes.flatMap((node) => (node.level === level ? hitOf(node, point) : []));
    },
    gridsWithin(point, maxM) {
      return nodes.flatMap((node) => (node.level === 'grid' ? nearbyOf(node, point, maxM) : []));
    },
  };
}

/** The hit for a node that holds the point, or none. */
export function hitOf(node: GridNode, point: LngLat): AreaHit[] {
  const relation = multiPolygonPointRelation(node.area, point);
  return relation === 'outside' ? [] : [{ node, relation }];
}

/** The grid with its distance when its boundary is within `maxM` of the point, or none. */
export function nearbyOf(node: GridNode, point: LngLat, maxM: number): NearbyGrid[] {
  const distanceM = multiPolygonBoundaryDistanceM(node.area, point);
  return distanceM <= maxM ? [{ node, distanceM }] : [];
}
