import * as z from 'zod/mini';

/** What a landmark is, for its mark on the browser build's map picker. */
export const LANDMARK_KINDS = ['government', 'school', 'market', 'hospital', 'station', 'park'] as const;

/**
 * landmarks.json: a few places every resident knows (县政府, 学校, 市场, 医院, 车站), drawn on the browser build's
 * map picker so the grids can be told apart without map tiles. Each names the grid it stands in; the data
 * test checks the point lies in that grid's polygon.
 */
export const landmarkSchema = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(20)),
  kind: z.enum(LANDMARK_KINDS),
  gridCode: z.string().check(z.minLength(1)),
  location: z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-90), z.lte(90))]),
});

export const landmarksFileSchema = z.object({ landmarks: z.array(landmarkSchema) });

export type Landmark = z.infer<typeof landmarkSchema>;
export type LandmarkKind = (typeof LANDMARK_KINDS)[number];
