/** Routing a report (分流): locators, the grid index and its codec, the router, owner names. */
export * from './grid-locator';
export * from './grid-index';
export * from './grid-index-codec';
export * from './route-report';
export * from './route-owner';
