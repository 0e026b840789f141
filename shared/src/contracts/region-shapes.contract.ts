import * as z from 'zod/mini';
import { OWNER_LEVELS } from '../grid/grid-level';
import { lngLatSchema, placeCodeSchema } from './common.schema';
import { contract } from './contract';

/** A unit of the grid tree a dashboard looks at: a county, street, community or grid, by code. */
export const unitRefSchema = z.object({ level: z.enum(OWNER_LEVELS), code: placeCodeSchema });

/** A place drawn on a map: its outline as GeoJSON MultiPolygon coordinates (GCJ-02 `[lng, lat]`), simplified for display. */
export const regionShapeSchema = z.object({
  code: placeCodeSchema,
  name: z.string(),
  polygons: z.array(z.array(z.array(lngLatSchema))),
});

/**
 * `regionShapes`: the outlines of a unit's child units (county → streets, street → communities, community →
 * grids; a grid → itself), simplified for a dashboard's map, in code order. For a centre over its region and
 * anything below it, and a 网格长 for their own grids (as `performance`); to anyone else, and for a code that
 * is no such unit, AUTH.FORBIDDEN.
 */
export const regionShapesContract = contract(
  'regionShapes',
  unitRefSchema,
  z.object({
    unit: z.object({ level: z.enum(OWNER_LEVELS), code: placeCodeSchema, name: z.string() }),
    children: z.array(regionShapeSchema),
  }),
);

export type RegionShape = z.infer<typeof regionShapeSchema>;
export type UnitRef = z.infer<typeof unitRefSchema>;
