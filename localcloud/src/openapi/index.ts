// STUB — owned by the storage/open-API helper, who replaces this file.
import type { CloudModule } from '../server/module';
export interface OpenApiOptions { dir: string; secCheckFile?: string }
export type OpenApiModule = CloudModule;
export function createOpenApiModule(_options: OpenApiOptions): OpenApiModule {
  return { name: 'openapi', actions: {} };
}
