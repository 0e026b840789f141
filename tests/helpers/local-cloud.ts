import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, sdkEnvFor, type LocalCloud, type LocalCloudConfig } from '../../localcloud/src';

export interface TestCloud {
  cloud: LocalCloud;
  dataDir: string;
  /** The real wx-server-sdk, initialised against this local cloud (same jest module registry). */
  sdk(): typeof import('wx-server-sdk');
  stop(): Promise<void>;
}

/** The project's storage rules (creator-only), which browser requests are held to, as `npm start` runs them. */
export const STORAGE_RULES_FILE = join(__dirname, '../../database/storage.rules.json');

/**
 * Starts a local cloud on a free port with a fresh data dir, and points this process's wx-server-sdk at it.
 * Each jest test file has its own module registry, so the SDK required here is configured for this cloud.
 */
export async function startTestCloud(overrides: Partial<LocalCloudConfig> = {}): Promise<TestCloud> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), 'localcloud-test-'));
  const cloud = await startLocalCloud({
    host: '127.0.0.1',
    port: 0,
    envId: 'test-env',
    dataDir,
    poolSize: 2,
    appId: 'wx-test-appid',
    storageRulesFile: STORAGE_RULES_FILE,
    ...overrides,
  });
  Object.assign(process.env, sdkEnvFor(cloud.url, cloud.envId));
  let sdk: typeof import('wx-server-sdk') | undefined;
  return {
    cloud,
    dataDir,
    sdk() {
      if (!sdk) {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        sdk = require('wx-server-sdk') as typeof import('wx-server-sdk');
        sdk.init({ env: cloud.envId });
      }
      return sdk;
    },
    async stop() {
      await cloud.close();
      if (!overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
