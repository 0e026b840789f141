import * as z from 'zod/mini';
import { GRID_LEVELS } from '../grid/grid-level';

/**
 * regions.geojson: a FeatureCollection of Polygons and MultiPolygons in GCJ-02 `[lng, lat]`, each with its
 * place in the tree. Rings must be closed with at least four positions (RFC 7946); the tree itself
 * (parents, levels) is checked by `buildGridTree`.
 */
const positionSchema = z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-90), z.lte(90))], z.number());

const ringSchema = z.array(positionSchema).check(
  z.minLength(4),
  z.refine((ring) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    return first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  }, 'a ring must end where it starts'),
);

const polygonSchema = z.array(ringSchema).check(z.minLength(1));

export const regionFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: z.object({
    level: z.enum(GRID_LEVELS),
    code: z.string().check(z.minLength(1)),
    name: z.string().check(z.minLength(1)),
    parentCode: z.nullable(z.string()),
    households: z.optional(z.int().check(z.nonnegative())),
    population: z.optional(z.int().check(z.nonnegative())),
  }),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: polygonSchema }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygonSchema).check(z.minLength(1)) }),
  ]),
});

export const regionCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  name: z.optional(z.string()),
  features: z.array(regionFeatureSchema),
});

export type RegionCollection = z.infer<typeof regionCollectionSchema>;
