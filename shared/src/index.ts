/**
 * @pingan/shared — the pure domain of 平安网格: geometry and the grid tree, routing, the report lifecycle,
 * time limits, points, config schemas and call contracts. No SDK, no I/O, no clock, no randomness.
 * Imported as `@pingan/shared` or by subpath (`@pingan/shared/contracts`, `/geo`, `/report` …, package.json's
 * `exports`); the client takes subpaths to keep its bundle small. Files outside the folder indexes are internal.
 */
export * from './geo';
export * from './grid';
export * from './routing';
export * from './people';
export * from './report';
export * from './service';
export * from './help';
export * from './text';
export * from './limits';
export * from './time';
export * from './points';
export * from './market';
export * from './feedback';
export * from './performance';
export * from './config';
export * from './contracts';
