/** Rate limits: per-caller windows and days. */
export * from './rate-limits';
