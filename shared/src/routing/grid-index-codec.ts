import * as z from 'zod/mini';
import { bboxOfMultiPolygon, bboxUnion } from '../geo/bbox';
import { type MultiPolygon, type Ring, lngLat } from '../geo/lng-lat';
import { GRID_LEVELS } from '../grid/grid-level';
import { type GridNode, buildGridTree } from '../grid/grid-tree';
import type { GridIndex } from './grid-index';

/**
 * The prebuilt index as one JSON document, for a cold cloud function to load in a single read.
 * Coordinates are integers of 1e-6 degree (about 0.1 m, the precision of the source data), delta-encoded
 * along each ring as a flat `[lng0, lat0, dLng1, dLat1, …]` list: the demo county's index is a quarter of
 * its GeoJSON. Cells are stored as built; the layout's box is recomputed from the decoded areas.
 */
const FORMAT = 'pingan-grid-index/1';
const SCALE = 1e6;

const serializedNodeSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(GRID_LEVELS),
  parentCode: z.nullable(z.string()),
  area: z.array(z.array(z.custom<number[]>(isFlatRing, 'a ring is an even list of at least 8 integers'))),
});

const serializedIndexSchema = z.object({
  format: z.literal(FORMAT),
  cols: z.int().check(z.positive()),
  rows: z.int().check(z.positive()),
  nodes: z.array(serializedNodeSchema),
  cells: z.array(z.custom<number[]>(isEntryList, 'a cell is a list of entry numbers')),
});

export type SerializedGridIndex = z.infer<typeof serializedIndexSchema>;

/** Encodes an index as JSON text; throws if a coordinate has more than 6 decimals (round on import). */
export function serializeGridIndex(index: GridIndex): string {
  const serialized: SerializedGridIndex = {
    format: FORMAT,
    cols: index.layout.cols,
    rows: index.layout.rows,
    nodes: index.entries.map(({ node }) => ({
      code: node.code,
      name: node.name,
      level: node.level,
      parentCode: node.parentCode,
      area: node.area.map((polygon) => polygon.map((ring) => encodeRing(ring, node.code))),
    })),
    cells: index.cells.map((cell) => [...cell]),
  };
  return JSON.stringify(serialized);
}

/** Loads an index from the JSON text `serializeGridIndex` wrote; throws if it is malformed. */
export function parseGridIndex(text: string): GridIndex {
  const parsed = serializedIndexSchema.parse(JSON.parse(text));
  const nodes: GridNode[] = parsed.nodes.map((node) => ({ ...node, area: decodeArea(node.area) }));
  const tree = buildGridTree(nodes);
  const entries = nodes.map((node) => ({ node, bbox: bboxOfMultiPolygon(node.area) }));
  if (entries.length === 0 || parsed.cells.length !== parsed.cols * parsed.rows) throw new Error('grid index: bad cell lattice');
  if (parsed.cells.some((cell) => cell.some((entryNumber) => entryNumber >= entries.length))) {
    throw new Error('grid index: a cell names an unknown entry');
  }
  const bbox = entries.map((entry) => entry.bbox).reduce(bboxUnion);
  return { tree, entries, layout: { bbox, cols: parsed.cols, rows: parsed.rows }, cells: parsed.cells };
}

/**
 * Rings and cells are checked in one pass each: a zod schema per number costs several times more on a
 * cold instance, where this parse is most of the start-up.
 */
function isFlatRing(value: unknown): value is number[] {
  return Array.isArray(value) && value.length >= 8 && value.length % 2 === 0 && value.every(Number.isSafeInteger);
}

function isEntryList(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((entry) => Number.isSafeInteger(entry) && entry >= 0);
}

function encodeRing(ring: Ring, code: string): number[] {
  const flat: number[] = [];
  let previousLng = 0;
  let previousLat = 0;
  for (const [lng, lat] of ring) {
    const qLng = quantize(lng, code);
    const qLat = quantize(lat, code);
    flat.push(qLng - previousLng, qLat - previousLat);
    previousLng = qLng;
    previousLat = qLat;
  }
  return flat;
}

function quantize(degrees: number, code: string): number {
  const units = Math.round(degrees * SCALE);
  if (units / SCALE !== degrees) throw new Error(`grid index: ${code} has a coordinate finer than 1e-6°: ${degrees}`);
  return units;
}

function decodeArea(area: readonly (readonly (readonly number[])[])[]): MultiPolygon {
  return area.map((polygon) =>
    polygon.map((flat) => {
      const ring = [];
      let lng = 0;
      let lat = 0;
      for (let i = 0; i < flat.length; i += 2) {
        lng += flat[i] as number;
        lat += flat[i + 1] as number;
        ring.push(lngLat(lng / SCALE, lat / SCALE));
      }
      return ring;
    }),
  );
}
