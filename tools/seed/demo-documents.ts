/**
 * Turns the demo county's files (data/demo-county) into the documents the collections hold.
 * Pure: reads nothing itself, so the same mapping seeds the local cloud and a real environment.
 */
export interface RegionFeature {
  properties: { level: string; code: string; name: string; parentCode: string | null; households: number; population: number };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export interface SeedDocument {
  _id: string;
  [field: string]: unknown;
}

export interface SeedSet {
  /** Reference data: replaced whole on every seed. */
  replace: Record<string, SeedDocument[]>;
  /** People: created when missing; on a re-seed only these fields are refreshed, so runtime state survives. */
  upsertFields: Record<string, SeedDocument[]>;
}

type Position = [number, number];

export function regionDocuments(features: RegionFeature[]): SeedDocument[] {
  return features.map((f) => ({
    _id: f.properties.code,
    code: f.properties.code,
    name: f.properties.name,
    level: f.properties.level,
    parentCode: f.properties.parentCode,
    households: f.properties.households,
    population: f.properties.population,
    boundary: f.geometry,
    bbox: boundingBox(f.geometry),
  }));
}

function boundingBox(geometry: RegionFeature['geometry']): [number, number, number, number] {
  const rings: Position[][] =
    geometry.type === 'Polygon' ? (geometry.coordinates as Position[][]) : (geometry.coordinates as Position[][][]).flat();
  let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lng, lat] of rings.flat()) {
    minLng = Math.min(minLng, lng);
    minLat = Math.min(minLat, lat);
    maxLng = Math.max(maxLng, lng);
    maxLat = Math.max(maxLat, lat);
  }
  return [minLng, minLat, maxLng, maxLat];
}

export interface DemoFiles {
  regions: { features: RegionFeature[] };
  categories: { pointsRules: Record<string, unknown>; categories: { code: string }[] };
  services: { services: { code: string }[]; skills: string[]; groups: string[] };
  people: { people: ({ id: string } & Record<string, unknown>)[]; demoSignIn: { id: string; label: string }[] };
}

/** Every document of the demo county, keyed by collection. */
export function demoSeedSet(files: DemoFiles): SeedSet {
  const signInLabels = new Map(files.people.demoSignIn.map((d) => [d.id, d.label]));
  return {
    replace: {
      regions: regionDocuments(files.regions.features),
      categories: files.categories.categories.map((c, i) => ({ _id: c.code, ...c, order: i })),
      services: files.services.services.map((s, i) => ({ _id: s.code, ...s, order: i })),
      settings: [
        { _id: 'pointsRules', ...files.categories.pointsRules },
        { _id: 'serviceCatalogue', skills: files.services.skills, groups: files.services.groups },
      ],
    },
    upsertFields: {
      users: files.people.people.map((p) => ({
        _id: p.id,
        ...p,
        ...(signInLabels.has(p.id) ? { demoSignInLabel: signInLabels.get(p.id) } : {}),
      })),
    },
  };
}
