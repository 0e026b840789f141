// STUB — owned by the database helper, who replaces this file.
import type { CloudModule } from '../server/module';
export interface DatabaseOptions { dir: string; databaseFile?: string }
export type DatabaseModule = CloudModule;
export function createDatabaseModule(_options: DatabaseOptions): DatabaseModule {
  return { name: 'database', actions: {} };
}
