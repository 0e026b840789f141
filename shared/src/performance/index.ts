/** 工作考核: what each report adds to its unit's figures, and the formulas that turn the sums into rates. */
export * from './performance-facts';
export * from './performance-figures';
export * from './performance-shares';
export * from './performance-months';
