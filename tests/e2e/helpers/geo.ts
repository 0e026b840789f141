import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { asLngLat, type Polygon } from '@pingan/shared/geo';
import { polygonPointRelation } from '@pingan/shared/geo';

const repoRoot = resolve(__dirname, '../../..');

interface Feature {
  properties: { level: string; code: string; name: string };
  geometry: { type: 'Polygon'; coordinates: [number, number][][] };
}

const features = (JSON.parse(readFileSync(join(repoRoot, 'data/demo-county/regions.geojson'), 'utf8')) as { features: Feature[] }).features;

/** The demo county's grid strictly containing a GCJ-02 point, computed from the polygons (not by the app). */
export function gridContaining(point: [number, number]): string | undefined {
  const grid = features.find(
    (f) =>
      f.properties.level === 'grid' &&
      polygonPointRelation(f.geometry.coordinates.map((ring) => ring.map(asLngLat)) as Polygon, asLngLat(point)) === 'inside',
  );
  return grid?.properties.code;
}

/** The demo county's category values (what an accepted report earns). */
export function categoryValues(code: string): { residentPoints: number; informantPointsFen: number; name: string } {
  const file = JSON.parse(readFileSync(join(repoRoot, 'data/demo-county/categories.json'), 'utf8')) as {
    categories: { code: string; name: string; residentPoints: number; informantPointsFen: number }[];
  };
  const category = file.categories.find((c) => c.code === code);
  if (!category) throw new Error(`no category ${code}`);
  return category;
}

/** A place's name in the demo county (城关社区第3网格 for 410399001001-03). */
export function placeName(code: string): string {
  const place = features.find((f) => f.properties.code === code);
  if (!place) throw new Error(`no place ${code}`);
  return place.properties.name;
}

/** How many report categories the demo county has. */
export function categoryCount(): number {
  return (JSON.parse(readFileSync(join(repoRoot, 'data/demo-county/categories.json'), 'utf8')) as { categories: unknown[] }).categories
    .length;
}
