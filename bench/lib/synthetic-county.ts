import { lngLat, type LngLat } from '@pingan/shared/geo';
import type { GridLevel } from '@pingan/shared/grid';
import { buildGridTree, type GridNode, type GridTree } from '@pingan/shared/grid';

/**
 * A synthetic county for the benchmark: a 50 × 30 lattice of 1,500 grids of about 200 m, grouped 5 × 3
 * into 100 communities and 5 × 2 communities into 10 streets. Lattice corners are jittered and every
 * edge is an 8-segment wiggly polyline shared bit for bit by the two sides, so grids have ~32 vertices
 * like the demo county's. Coordinates are rounded to 6 decimals, the precision of real data.
 */
export const GRID_COLS = 50;
export const GRID_ROWS = 30;
const COMMUNITY_COLS = 5;
const COMMUNITY_ROWS = 3;
const STREET_COMMUNITY_COLS = 5;
const STREET_COMMUNITY_ROWS = 2;
const SEGMENTS = 8;
const ORIGIN: readonly [number, number] = [111.5, 33.7];
const DX = 0.00216; // ≈ 200 m of longitude at 33.7°N
const DY = 0.0018; // ≈ 200 m of latitude

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** The synthetic county's tree, from a seeded PRNG so that every run draws the same county. */
export function syntheticCounty(random: () => number): GridTree {
  const corner = cornerLattice(random);
  const edges = new Map<string, LngLat[]>();
  /** The polyline from corner a to corner b, drawn once and reversed for the other side. */
  const edge = (a: [number, number], b: [number, number]): LngLat[] => {
    const key = (p: [number, number], q: [number, number]) => `${p[0]},${p[1]}-${q[0]},${q[1]}`;
    const known = edges.get(key(a, b)) ?? edges.get(key(b, a))?.slice().reverse();
    if (known) return known;
    const drawn = wigglyEdge(corner(a[0], a[1]), corner(b[0], b[1]), random);
    edges.set(key(a, b), drawn);
    return drawn;
  };
  const ring = (c0: number, r0: number, c1: number, r1: number) => blockRing(c0, r0, c1, r1, edge);

  const nodes: GridNode[] = [node('county', '990000', null, ring(0, 0, GRID_COLS, GRID_ROWS))];
  const streetW = COMMUNITY_COLS * STREET_COMMUNITY_COLS;
  const streetH = COMMUNITY_ROWS * STREET_COMMUNITY_ROWS;
  for (let s = 0; s < (GRID_COLS / streetW) * (GRID_ROWS / streetH); s += 1) {
    const [sc, sr] = [(s % (GRID_COLS / streetW)) * streetW, Math.floor(s / (GRID_COLS / streetW)) * streetH];
    const streetCode = `990000${pad(s + 1, 3)}`;
    nodes.push(node('street', streetCode, '990000', ring(sc, sr, sc + streetW, sr + streetH)));
    for (let m = 0; m < STREET_COMMUNITY_COLS * STREET_COMMUNITY_ROWS; m += 1) {
      const [mc, mr] = [sc + (m % STREET_COMMUNITY_COLS) * COMMUNITY_COLS, sr + Math.floor(m / STREET_COMMUNITY_COLS) * COMMUNITY_ROWS];
      const communityCode = `${streetCode}${pad(m + 1, 3)}`;
      nodes.push(node('community', communityCode, streetCode, ring(mc, mr, mc + COMMUNITY_COLS, mr + COMMUNITY_ROWS)));
      for (let g = 0; g < COMMUNITY_COLS * COMMUNITY_ROWS; g += 1) {
        const [gc, gr] = [mc + (g % COMMUNITY_COLS), mr + Math.floor(g / COMMUNITY_COLS)];
        nodes.push(node('grid', `${communityCode}-${pad(g + 1, 2)}`, communityCode, ring(gc, gr, gc + 1, gr + 1)));
      }
    }
  }
  return buildGridTree(nodes);
}

function cornerLattice(random: () => number): (i: number, j: number) => LngLat {
  const corners = new Map<string, LngLat>();
  return (i, j) => {
    const key = `${i},${j}`;
    let point = corners.get(key);
    if (!point) {
      point = lngLat(round6(ORIGIN[0] + (i + (random() - 0.5) * 0.3) * DX), round6(ORIGIN[1] + (j + (random() - 0.5) * 0.3) * DY));
      corners.set(key, point);
    }
    return point;
  };
}

function wigglyEdge(a: LngLat, b: LngLat, random: () => number): LngLat[] {
  const points = [a];
  for (let k = 1; k < SEGMENTS; k += 1) {
    const t = k / SEGMENTS;
    const wiggle = (random() - 0.5) * 0.08;
    // Offset across the edge: swap the deltas for a perpendicular nudge.
    points.push(
      lngLat(round6(a[0] + t * (b[0] - a[0]) - wiggle * (b[1] - a[1])), round6(a[1] + t * (b[1] - a[1]) + wiggle * (b[0] - a[0]))),
    );
  }
  points.push(b);
  return points;
}

/** The closed ring around lattice block [c0,c1] × [r0,r1], counter-clockwise, built from shared edges. */
function blockRing(c0: number, r0: number, c1: number, r1: number, edge: (a: [number, number], b: [number, number]) => LngLat[]): LngLat[] {
  const perimeter: [number, number][] = [];
  for (let c = c0; c < c1; c += 1) perimeter.push([c, r0]);
  for (let r = r0; r < r1; r += 1) perimeter.push([c1, r]);
  for (let c = c1; c > c0; c -= 1) perimeter.push([c, r1]);
  for (let r = r1; r > r0; r -= 1) perimeter.push([c0, r]);
  const ring: LngLat[] = [];
  perimeter.forEach((from, k) => ring.push(...edge(from, perimeter[(k + 1) % perimeter.length] as [number, number]).slice(0, -1)));
  ring.push(ring[0] as LngLat);
  return ring;
}

function node(level: GridLevel, code: string, parentCode: string | null, ring: LngLat[]): GridNode {
  return { level, code, name: code, parentCode, area: [[ring]] };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
