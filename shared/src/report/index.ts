/** The report lifecycle: statuses, the transition table with who may make each move, visibility, duplicates. */
export * from './report-status';
export * from './report';
export * from './report-transitions';
export * from './report-action';
export * from './report-authority';
export * from './apply-transition';
export * from './report-visibility';
export * from './duplicate-candidates';
export * from './nearby-reports';
export * from './report-messages';
export * from './light-notices';
export * from './case-groups';
export { hasText } from './report-note';
export * from './supervision-list';
export { awardReversedEvent } from './report-events';
