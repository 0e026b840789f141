export * from './order-status';
export * from './order-transitions';
export * from './service-order';
export * from './apply-order-transition';
export * from './grid-catalogue';
export * from './volunteer-application';
export * from './task-hall';
export * from './grid-orders-access';
