/** Text people type: normalisation and the "says something" rule. */
export * from './user-text';
