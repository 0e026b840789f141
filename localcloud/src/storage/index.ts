// STUB — owned by the storage/open-API helper, who replaces this file.
import type { CloudModule } from '../server/module';
export interface StorageOptions { dir: string; envId: string; baseUrl: () => string }
export function createStorageModule(_options: StorageOptions): CloudModule {
  return { name: 'storage', actions: {} };
}
