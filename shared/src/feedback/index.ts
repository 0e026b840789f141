export * from './app-feedback';
