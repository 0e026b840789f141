/** Roles (the one list) and the actor a call acts as. */
export * from './role';
export * from './actor';
