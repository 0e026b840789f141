import { type AreaGeometry, multiPolygonFromGeometry } from '../geo/lng-lat';
import type { GridLevel } from './grid-level';
import { type GridTree, buildGridTree } from './grid-tree';

/** A GeoJSON feature of regions.geojson, as parsed by the region config schema. */
export type RegionFeature = {
  readonly properties: { readonly level: GridLevel; readonly code: string; readonly name: string; readonly parentCode: string | null };
  readonly geometry: AreaGeometry;
};

/** Builds the grid tree from GeoJSON features whose coordinates are GCJ-02. */
export function gridTreeFromFeatures(features: readonly RegionFeature[]): GridTree {
  return buildGridTree(
    features.map(({ properties: { level, code, name, parentCode }, geometry }) => ({
      level,
      code,
      name,
      parentCode,
      area: multiPolygonFromGeometry(geometry),
    })),
  );
}
