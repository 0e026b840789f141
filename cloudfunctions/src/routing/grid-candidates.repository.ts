import {
  buildGridTree,
  localScaleAt,
  multiPolygonFromGeometry,
  scanLocator,
  type AreaGeometry,
  type GridLocator,
  type GridNode,
  type LngLat,
  type RouteRequest,
} from '@pingan/shared';
import { regionsWithBoundary, type RegionWithBoundary } from './regions.repository';
import { db } from '../platform/sdk';

/**
 * The alternative to the storage index: ask the database. One query (`_.geoIntersects` on the
 * 2dsphere-indexed boundaries) fetches every place whose boundary meets a box around the location that
 * holds all points within `maxGapM` — the places containing it and the grids near enough for the gap
 * rule — plus the county and any scanned or joined grid; the pure router then applies the tie-break and
 * gap rules to these few candidates exactly as it does to the whole county. A second query runs only
 * when a scanned or joined grid lies away from the location and its ancestors are missing.
 */
export async function databaseLocator(request: RouteRequest, maxGapM: number): Promise<GridLocator> {
  const _ = db().command;
  const known = [request.scannedGridCode, request.joinedGridCode].filter((code): code is string => code !== undefined);
  const conditions: object[] = [{ level: 'county' }];
  if (request.location) conditions.push({ boundary: _.geoIntersects({ geometry: searchBox(request.location, maxGapM) }) });
  if (known.length > 0) conditions.push({ _id: _.in(known) });
  const found = await regionsWithBoundary(_.or(conditions));
  const codes = new Set(found.map((place) => place.code));
  const missing = [...new Set(found.flatMap((place) => Object.values(place.regionPath ?? {})))].filter((code) => !codes.has(code));
  const more = missing.length > 0 ? await regionsWithBoundary({ _id: _.in(missing) }) : [];
  return scanLocator(buildGridTree(withAncestry([...found, ...more].map(nodeOf))));
}

/**
 * A box around the point, in the same local projection the router measures gap distances in, padded
 * by 1% and a metre so that no grid within `maxGapM` falls outside it; the router filters exactly.
 */
function searchBox(point: LngLat, maxGapM: number) {
  const { Geo } = db();
  const { mPerDegLng, mPerDegLat } = localScaleAt(point[1]);
  const reachM = maxGapM * 1.01 + 1;
  const [lng, lat] = point;
  const dLng = reachM / mPerDegLng;
  const dLat = reachM / mPerDegLat;
  const corners: [number, number][] = [
    [lng - dLng, lat - dLat],
    [lng + dLng, lat - dLat],
    [lng + dLng, lat + dLat],
    [lng - dLng, lat + dLat],
    [lng - dLng, lat - dLat],
  ];
  return Geo.Polygon([Geo.LineString(corners.map(([x, y]) => Geo.Point(x, y)))]);
}

function nodeOf(place: RegionWithBoundary): GridNode {
  return {
    code: place.code,
    name: place.name,
    level: place.level,
    parentCode: place.parentCode,
    area: multiPolygonFromGeometry(geoJsonOf(place.boundary)),
  };
}

/** The SDK hands a stored GeoJSON geometry back as a db.Geo object; its JSON is the GeoJSON again. */
export function geoJsonOf(boundary: unknown): AreaGeometry {
  const json = JSON.parse(JSON.stringify(boundary)) as { type?: unknown } | null;
  if (json?.type !== 'Polygon' && json?.type !== 'MultiPolygon')
    throw new Error(`regions: a boundary is not a polygon (${String(json?.type)})`);
  return json as AreaGeometry;
}

/** The nodes whose every ancestor is present too (a child meets the box only if its parent does). */
function withAncestry(nodes: readonly GridNode[]): GridNode[] {
  const byCode = new Map(nodes.map((node) => [node.code, node]));
  const rooted = (node: GridNode): boolean => {
    const parent = node.parentCode === null ? undefined : byCode.get(node.parentCode);
    return node.parentCode === null || (parent !== undefined && rooted(parent));
  };
  return [...byCode.values()].filter(rooted);
}
