import { type BBox, bboxIncludesPoint, bboxIntersectsBBox, bboxOfMultiPolygon, bboxUnion } from '../geo/bbox';
import type { LngLat } from '../geo/lng-lat';
import { localScaleAt } from '../geo/local-scale';
import type { GridNode, GridTree } from '../grid/grid-tree';
import { type AreaHit, type GridLocator, type NearbyGrid, hitOf, nearbyOf } from './grid-locator';

/** A node with its bounding box. */
export type IndexEntry = { readonly node: GridNode; readonly bbox: BBox };

/** A uniform lattice of cells over the county's bounding box. */
export type CellLayout = { readonly bbox: BBox; readonly cols: number; readonly rows: number };

/**
 * A bbox-cell index: each cell lists the entries whose bounding box touches it, so a lookup reads one
 * cell instead of scanning every polygon. Cells are sized so that there are about as many cells as
 * grids, which keeps a cell's list to a handful of grids plus their few ancestors.
 */
export type GridIndex = {
  readonly tree: GridTree;
  readonly entries: readonly IndexEntry[];
  readonly layout: CellLayout;
  /** Entry numbers per cell, row-major from the south-west corner. */
  readonly cells: readonly (readonly number[])[];
};

/** Builds the cell index over every node of the tree. */
export function buildGridIndex(tree: GridTree): GridIndex {
  const entries = [...tree.nodes.values()].map((node) => ({ node, bbox: bboxOfMultiPolygon(node.area) }));
  const layout = cellLayoutFor(entries);
  const cells: number[][] = Array.from({ length: layout.cols * layout.rows }, () => []);
  entries.forEach((entry, entryNumber) => {
    for (const cell of cellsOverlapping(layout, entry.bbox)) cells[cell]?.push(entryNumber);
  });
  return { tree, entries, layout, cells };
}

function cellLayoutFor(entries: readonly IndexEntry[]): CellLayout {
  const bbox = entries.map((entry) => entry.bbox).reduce(bboxUnion);
  const { mPerDegLng, mPerDegLat } = localScaleAt((bbox[1] + bbox[3]) / 2);
  const widthM = Math.max((bbox[2] - bbox[0]) * mPerDegLng, 1);
  const heightM = Math.max((bbox[3] - bbox[1]) * mPerDegLat, 1);
  const target = Math.max(1, entries.filter((entry) => entry.node.level === 'grid').length);
  const cols = Math.max(1, Math.round(Math.sqrt((target * widthM) / heightM)));
  const rows = Math.max(1, Math.round(target / cols));
  return { bbox, cols, rows };
}

/** The cell column of a longitude, clamped to the lattice; insertion and lookup share it, so edges agree. */
function colOf(layout: CellLayout, lng: number): number {
  const [minLng, , maxLng] = layout.bbox;
  const col = Math.floor(((lng - minLng) / Math.max(maxLng - minLng, Number.MIN_VALUE)) * layout.cols);
  return Math.min(layout.cols - 1, Math.max(0, col));
}

function rowOf(layout: CellLayout, lat: number): number {
  const [, minLat, , maxLat] = layout.bbox;
  const row = Math.floor(((lat - minLat) / Math.max(maxLat - minLat, Number.MIN_VALUE)) * layout.rows);
  return Math.min(layout.rows - 1, Math.max(0, row));
}

/** Every cell number a box touches (the caller checks that the box meets the lattice at all). */
function cellsOverlapping(layout: CellLayout, box: BBox): number[] {
  const cells: number[] = [];
  for (let row = rowOf(layout, box[1]); row <= rowOf(layout, box[3]); row += 1) {
    for (let col = colOf(layout, box[0]); col <= colOf(layout, box[2]); col += 1) cells.push(row * layout.cols + col);
  }
  return cells;
}

/** A locator that answers from the cell index; it agrees with `scanLocator` on every point. */
export function indexLocator(index: GridIndex): GridLocator {
  const { entries, layout, cells } = index;
  return {
    tree: index.tree,
    containing(point, level) {
      const hits: AreaHit[] = [];
      if (!bboxIncludesPoint(layout.bbox, point)) return hits;
      // A plain loop: this is the hot path, and flatMap's per-entry arrays cost more than the test itself.
      for (const entryNumber of cells[rowOf(layout, point[1]) * layout.cols + colOf(layout, point[0])] ?? []) {
        const entry = entries[entryNumber];
        if (entry && entry.node.level === level && bboxIncludesPoint(entry.bbox, point)) hits.push(...hitOf(entry.node, point));
      }
      return hits;
    },
    gridsWithin(point, maxM) {
      const box = searchBox(point, maxM);
      if (!bboxIntersectsBBox(layout.bbox, box)) return [];
      const seen = new Set<number>();
      const nearby: NearbyGrid[] = [];
      for (const cell of cellsOverlapping(layout, box)) {
        for (const entryNumber of cells[cell] ?? []) {
          const entry = entries[entryNumber];
          if (!entry || entry.node.level !== 'grid' || seen.has(entryNumber)) continue;
          seen.add(entryNumber);
          if (bboxIntersectsBBox(entry.bbox, box)) nearby.push(...nearbyOf(entry.node, point, maxM));
        }
      }
      return nearby;
    },
  };
}

/**
 * The box holding every position within `maxM` metres of the point in the same local projection that
 * measures boundary distance, widened by a hair so that rounding never drops a grid at exactly `maxM`.
 */
function searchBox(point: LngLat, maxM: number): BBox {
  const { mPerDegLng, mPerDegLat } = localScaleAt(point[1]);
  const dLng = (maxM / mPerDegLng) * (1 + 1e-9) + 1e-12;
  const dLat = (maxM / mPerDegLat) * (1 + 1e-9) + 1e-12;
  return [point[0] - dLng, point[1] - dLat, point[0] + dLng, point[1] + dLat];
}
