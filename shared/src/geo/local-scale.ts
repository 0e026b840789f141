import { EARTH_RADIUS_M } from './haversine';

/**
 * Metres per degree of longitude and latitude around a latitude: an equirectangular projection centred on
 * the query point. Over the few hundred metres that routing measures, its error against the haversine
 * distance is far below a metre, and it turns point-to-edge distance into plain planar geometry.
 */
export type LocalScale = { readonly mPerDegLng: number; readonly mPerDegLat: number };

const M_PER_DEG_LAT = (EARTH_RADIUS_M * Math.PI) / 180;

/** The local metric scale at a latitude. */
export function localScaleAt(lat: number): LocalScale {
  return { mPerDegLng: M_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180), mPerDegLat: M_PER_DEG_LAT };
}
