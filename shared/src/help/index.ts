export * from './help-call';
export * from './help-messages';
