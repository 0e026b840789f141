import { compareCodes, type GridLevel, type RegionPath } from '@pingan/shared';
import { db, listOf, oneOf } from '../platform/sdk';

const REGIONS = 'regions';

/** A place of the grid tree without its boundary (the polygons travel only to routing). */
export type RegionDoc = {
  readonly _id: string;
  readonly code: string;
  readonly name: string;
  readonly level: GridLevel;
  readonly parentCode: string | null;
  /** The parent's name, kept beside the code so a grid card needs one read. */
  readonly parentName: string | null;
  readonly regionPath: RegionPath;
};

const WITHOUT_GEOMETRY = { boundary: false } as const;

/** The place with this code, without its boundary. */
export async function findRegion(code: string): Promise<RegionDoc | undefined> {
  return oneOf<RegionDoc>(db().collection(REGIONS).doc(code).field(WITHOUT_GEOMETRY).get());
}

/** The names of the places with these codes, in one query (a report's grid and community). */
export async function placeNames(codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const _ = db().command;
  const rows = await listOf<Pick<RegionDoc, '_id' | 'name'>>(
    db()
      .collection(REGIONS)
      .where({ _id: _.in(unique) })
      .field({ _id: true, name: true })
      .limit(unique.length)
      .get(),
  );
  return new Map(rows.map((row) => [row._id, row.name]));
}

/** A place's code and name. */
export type PlaceName = Pick<RegionDoc, 'code' | 'name'>;

/**
 * The child units of a place (a county's streets, a street's communities, a community's grids), by code:
 * one query on `level_parent`.
 */
export async function childPlaces(level: GridLevel, parentCode: string): Promise<PlaceName[]> {
  const rows = await listOf<PlaceName>(
    db().collection(REGIONS).where({ level, parentCode }).field({ code: true, name: true }).limit(1000).get(),
  );
  return rows.sort((a, b) => compareCodes(a.code, b.code));
}

export type GridUnder = Pick<RegionDoc, 'code' | 'name' | 'regionPath'>;

/**
 * The grids under a place (a community, street or county), by code: one query on `level_parent`'s leading
 * field, the rest checked on each grid (a county holds a few hundred grids at most).
 */
export async function gridsUnder(level: 'community' | 'street' | 'county', code: string): Promise<GridUnder[]> {
  const rows = await listOf<GridUnder>(
    db()
      .collection(REGIONS)
      .where({ level: 'grid', [`regionPath.${level}`]: code })
      .field({ code: true, name: true, regionPath: true })
      .limit(1000)
      .get(),
  );
  return rows.sort((a, b) => compareCodes(a.code, b.code));
}

/** A place as the database-geo router reads it: with its boundary as GeoJSON. */
export type RegionWithBoundary = RegionDoc & { readonly boundary: unknown };

/** Places matching a condition, boundaries included (the database-geo router's candidates). */
export async function regionsWithBoundary(condition: object, limit = 1000): Promise<RegionWithBoundary[]> {
  return listOf<RegionWithBoundary>(
    db().collection(REGIONS).where(condition).field({ households: false, population: false }).limit(limit).get(),
  );
}
