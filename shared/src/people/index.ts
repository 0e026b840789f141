/** Roles (the one list), the actor a call acts as, the home each role lands on, and what co-handlers work. */
export * from './role';
export * from './actor';
export * from './home-kind';
export * from './co-handling';
export * from './unit-oversight';
