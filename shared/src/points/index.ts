/** Points and money (integer fen): ledger, balances, awards, the daily cap, monthly settlement. */
export * from './fen';
export * from './ledger-entry';
export * from './ledger-balance';
export * from './report-award';
export * from './service-credit';
export * from './service-year';
export * from './points-rules';
export * from './monthly-settlement';
export * from './settlement-month';
export * from './ledger-adjustment';
export * from './informant-standing';
export * from './informant-constants';
export * from './informant-application';
export * from './informant-messages';
export * from './settlement-sheet';
export * from './adjustment-message';
