/** Config schemas of the county data (categories, services, people, regions, landmarks) and catalog views. */
export * from './category.schema';
export * from './service.schema';
export * from './person.schema';
export * from './region.schema';
export * from './landmark.schema';
export * from './catalog-views';
export * from './subscribe-templates';
export * from './work-calendar.schema';
