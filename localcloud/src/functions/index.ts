// STUB — owned by the function-runner helper, who replaces this file.
import type { CloudModule } from '../server/module';
export interface FunctionsOptions {
  functionsDir?: string;
  poolSize: number;
  envId: string;
  appId: string;
  usersFile?: string;
  secretFile: string;
  cloudUrl: () => string;
}
export type FunctionsModule = CloudModule;
export function createFunctionsModule(_options: FunctionsOptions): FunctionsModule {
  return { name: 'functions', actions: {} };
}
