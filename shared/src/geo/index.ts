/** Geometry in GCJ-02 `[lng, lat]`: points, boxes, point-in-polygon with boundaries, distances. */
export * from './lng-lat';
export * from './bbox';
export * from './point-relation';
export * from './haversine';
export * from './local-scale';
export * from './boundary-distance';
