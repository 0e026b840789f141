import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalCloudConfig } from './config';
import { startHttpServer } from './server/http-server';
import type { CloudModule } from './server/module';
import { createDatabaseModule, type DatabaseModule } from './db';
import { createStorageModule, loadStorageRules } from './storage';
import { createOpenApiModule, type OpenApiModule } from './openapi';
import { createFunctionsModule, type FunctionsModule } from './functions';

export interface LocalCloud {
  url: string;
  port: number;
  envId: string;
  database: DatabaseModule;
  openApi: OpenApiModule;
  functions: FunctionsModule;
  close(): Promise<void>;
}

/** Starts the whole local cloud: database, storage, open API stand-ins and the function runner on one port. */
export async function startLocalCloud(config: LocalCloudConfig): Promise<LocalCloud> {
  const storageRules = loadStorageRules(config.storageRulesFile); // before anything opens: a bad file fails the start
  mkdirSync(config.dataDir, { recursive: true });
  let url = '';
  const functions = createFunctionsModule({
    functionsDir: config.functionsDir,
    poolSize: config.poolSize,
    envId: config.envId,
    appId: config.appId,
    usersFile: config.usersFile,
    secretFile: join(config.dataDir, 'signin-secret'),
    cloudUrl: () => url,
    timeoutMs: config.functionTimeoutMs,
    timers: config.timers === 'on',
  });
  const database = createDatabaseModule({
    dir: join(config.dataDir, 'db'),
    databaseFile: config.databaseFile,
    transactionConflicts: config.transactionConflicts,
  });
  const storage = createStorageModule({
    dir: join(config.dataDir, 'storage'),
    envId: config.envId,
    baseUrl: () => url,
    // The browser build's storage calls run as its signed-in user, held to the storage rules.
    browserCaller: (req) => functions.browserCaller(req),
    rules: storageRules,
  });
  const openApi = createOpenApiModule({
    dir: join(config.dataDir, 'openapi'),
    secCheckFile: config.secCheckFile,
    subscribeConsent: config.subscribeConsent,
  });
  const modules: CloudModule[] = [database, storage, openApi, functions];
  const http = await startHttpServer({
    host: config.host,
    port: config.port,
    envId: config.envId,
    modules,
    maxBodyBytes: config.maxBodyBytes,
  });
  url = http.url;
  return {
    url,
    port: http.port,
    envId: config.envId,
    database,
    openApi,
    functions,
    async close() {
      await http.close();
      for (const m of [...modules].reverse()) await m.close?.();
    },
  };
}
