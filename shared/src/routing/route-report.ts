import type { LngLat } from '../geo/lng-lat';
import { compareCodes } from '../grid/grid-code';
import { type OwnerLevel, isOwnerLevel } from '../grid/grid-level';
import { type GridNode, type RegionPath, regionPathOf } from '../grid/grid-tree';
import type { AreaHit, GridLocator, NearbyGrid } from './grid-locator';

/** Why a report went where it went. */
export const ROUTE_REASONS = ['contained', 'edge', 'nearest', 'scanned', 'joined', 'region', 'county'] as const;
export type RouteReason = (typeof ROUTE_REASONS)[number];

export type RouteRequest = {
  /** Where the problem is, if the reporter gave it (GCJ-02). */
  readonly location?: LngLat;
  /** The grid whose QR code was scanned in this report flow. */
  readonly scannedGridCode?: string;
  /** The grid the reporter joined. */
  readonly joinedGridCode?: string;
  /** The category's co-handling departments (消防, 市场监管 …). */
  readonly departments: readonly string[];
};

export type RouteResult = {
  readonly reason: RouteReason;
  readonly ownerCode: string;
  readonly ownerLevel: OwnerLevel;
  /** The owner and every place above it: the report keeps it so escalation needs no tree. */
  readonly regionPath: RegionPath;
  /** The micro-grid holding the location; its grid owns the case. */
  readonly microGridCode?: string;
  /** For `nearest`: metres from the location to the grid's boundary. */
  readonly distanceM?: number;
  /** Co-handlers; they never replace the owner. */
  readonly departments: readonly string[];
};

export type RouteOptions = { readonly maxGapM: number };

/** How far a point in a gap between grids may be from the nearest grid and still be routed to it. */
export const DEFAULT_ROUTE_OPTIONS: RouteOptions = { maxGapM: 50 };

/**
 * Whether a location lies outside the county: outside its boundary and farther than `maxGapM` from every
 * grid. Such a report is not the county's to handle (12345 is), and routing it to the reporter's joined
 * grid would hand a grid worker a place they cannot reach.
 */
export function isOutsideCounty(locator: GridLocator, point: LngLat, options = DEFAULT_ROUTE_OPTIONS): boolean {
  return locator.containing(point, 'county').length === 0 && locator.gridsWithin(point, options.maxGapM).length === 0;
}

type Placement = { node: GridNode; reason: RouteReason; microGrid?: GridNode; distanceM?: number };

/**
 * Routes a report (分流), in the order of docs/DESIGN.md, "Routing a report": the grid at its location
 * (inside; on an edge; or nearest within `maxGapM`), else the scanned grid, else the joined grid, else
 * the smallest region at the location, else the county. The tie-break, everywhere a choice remains, is: strictly inside beats on
 * the boundary, then the shorter distance, then the lower code in ordinal order — so a point on an edge
 * shared by grids `…-01` and `…-02` goes to `…-01`, and so does a gap point equidistant from both.
 */
export function routeReport(locator: GridLocator, request: RouteRequest, options = DEFAULT_ROUTE_OPTIONS): RouteResult {
  const placement =
    (request.location && gridAtLocation(locator, request.location, options.maxGapM)) ??
    knownGrid(locator, request.scannedGridCode, 'scanned') ??
    knownGrid(locator, request.joinedGridCode, 'joined') ??
    (request.location && regionAtLocation(locator, request.location)) ??
    countyOf(locator);
  const { node, reason, microGrid, distanceM } = placement;
  return {
    reason,
    ownerCode: node.code,
    ownerLevel: ownerLevelOf(node),
    regionPath: regionPathOf(locator.tree, node.code),
    ...(microGrid && { microGridCode: microGrid.code }),
    ...(distanceM !== undefined && { distanceM }),
    departments: [...new Set(request.departments)],
  };
}

function gridAtLocation(locator: GridLocator, point: LngLat, maxGapM: number): Placement | undefined {
  const hit = bestHit(locator.containing(point, 'grid'));
  if (hit) {
    const microHits = locator.containing(point, 'microGrid').filter((micro) => micro.node.parentCode === hit.node.code);
    const microGrid = bestHit(microHits)?.node;
    return { node: hit.node, reason: hit.relation === 'inside' ? 'contained' : 'edge', ...(microGrid && { microGrid }) };
  }
  const nearest = nearestGrid(locator.gridsWithin(point, maxGapM));
  return nearest && { node: nearest.node, reason: 'nearest', distanceM: nearest.distanceM };
}

function knownGrid(locator: GridLocator, code: string | undefined, reason: 'scanned' | 'joined'): Placement | undefined {
  const node = code === undefined ? undefined : locator.tree.nodes.get(code);
  return node?.level === 'grid' ? { node, reason } : undefined;
}

function regionAtLocation(locator: GridLocator, point: LngLat): Placement | undefined {
  const hit = bestHit(locator.containing(point, 'community')) ?? bestHit(locator.containing(point, 'street'));
  return hit && { node: hit.node, reason: 'region' };
}

function countyOf(locator: GridLocator): Placement {
  // buildGridTree guarantees the county node.
  const county = locator.tree.nodes.get(locator.tree.countyCode) as GridNode;
  return { node: county, reason: 'county' };
}

function ownerLevelOf(node: GridNode): OwnerLevel {
  if (!isOwnerLevel(node.level)) throw new Error(`routing placed a report on micro-grid ${node.code}`);
  return node.level;
}

/** Strictly inside beats on the boundary; then the lower code. */
function bestHit(hits: readonly AreaHit[]): AreaHit | undefined {
  return hits.reduce<AreaHit | undefined>((best, hit) => {
    if (!best) return hit;
    if (hit.relation !== best.relation) return hit.relation === 'inside' ? hit : best;
    return compareCodes(hit.node.code, best.node.code) < 0 ? hit : best;
  }, undefined);
}

/** The shorter distance wins; then the lower code. */
function nearestGrid(grids: readonly NearbyGrid[]): NearbyGrid | undefined {
  return grids.reduce<NearbyGrid | undefined>((best, grid) => {
    if (!best || grid.distanceM < best.distanceM) return grid;
    return grid.distanceM === best.distanceM && compareCodes(grid.node.code, best.node.code) < 0 ? grid : best;
  }, undefined);
}
