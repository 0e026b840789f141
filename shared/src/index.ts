/**
 * @pingan/shared — the pure domain of 平安网格: geometry and the grid tree, routing, the report lifecycle,
 * time limits, points, config schemas and call contracts. No SDK, no I/O, no clock, no randomness.
 * The client should import `@pingan/shared/src/contracts` (or rely on tree shaking) to keep its bundle small.
 */
export * from './geo/lng-lat';
export * from './geo/bbox';
export * from './geo/point-relation';
export * from './geo/haversine';
export * from './geo/local-scale';
export * from './geo/boundary-distance';

export * from './grid/grid-level';
export * from './grid/grid-code';
export * from './grid/grid-tree';
export * from './grid/grid-feature';
export * from './grid/grid-scene';

export * from './routing/grid-locator';
export * from './routing/grid-index';
export * from './routing/grid-index-codec';
export * from './routing/route-report';
export * from './routing/route-owner';

export * from './people/role';
export * from './people/actor';

export * from './report/report-status';
export * from './report/report';
export * from './report/report-transitions';
export * from './report/report-action';
export * from './report/report-authority';
export * from './report/apply-transition';
export * from './report/report-visibility';
export * from './report/duplicate-candidates';

export * from './text/user-text';
export * from './limits/rate-limits';

export * from './time/shanghai-time';
export * from './time/time-limit';

export * from './points/fen';
export * from './points/ledger-entry';
export * from './points/ledger-balance';
export * from './points/report-award';
export * from './points/points-rules';
export * from './points/monthly-settlement';

export * from './config/category.schema';
export * from './config/service.schema';
export * from './config/person.schema';
export * from './config/region.schema';
export * from './config/catalog-views';

export * from './contracts';
