/**
 * The whole system on this machine, as `npm start` and the browser tests run it: the cloud functions
 * bundled, a local cloud hosting them, the demo county seeded, and the H5 build served beside it with the
 * cloud's browser routes forwarded at the same origin (web-server.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { sdkEnvFor, startLocalCloud, type LocalCloud, type LocalCloudConfig } from '../localcloud/src';
import { repoRoot } from './config';
import { writeDemoSigninUsers } from './demo-signin-users';
import { publicUrlFor } from './public-url';
import { historyWanted, seedDemoCounty } from './seed/seed';
import { startWebServer, type WebServer } from './web-server';

export const h5Dir = join(repoRoot, 'client/dist/h5');

export interface LocalStackOptions {
  /** The local cloud's settings; functions, collections file, storage rules and sign-in users are filled in. */
  cloud: Omit<LocalCloudConfig, 'functionsDir' | 'databaseFile' | 'storageRulesFile' | 'usersFile'>;
  webPort: number;
  /** Where the web server listens (default: the cloud's host); 0.0.0.0 lets phones on the LAN in. The cloud itself stays where it is. */
  webHost?: string;
  /** The address phones should open (PUBLIC_URL); unset: the LAN address when webHost is 0.0.0.0, else webHost. */
  publicUrl?: string;
  /** Bundle the cloud functions first (default: true). */
  buildFunctions?: boolean;
  /** Build the H5 client: 'always', only when it is 'missing' (default), or 'never'. */
  buildH5?: 'always' | 'missing' | 'never';
  /** Show the build's output (default: false). */
  verbose?: boolean;
  /** Seed months of generated history with the county (tools/seed/demo-history.ts; default: unless SEED_HISTORY=0). */
  history?: boolean;
}

export interface LocalStack {
  cloud: LocalCloud;
  web: WebServer;
  /** What seeding created, or undefined when the store already had the county. */
  seeded: Record<string, number> | undefined;
  stop(): Promise<void>;
}

export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const stdio = options.verbose ? 'inherit' : 'pipe';
  // In a child process, so that tsx bundles with the repo's own settings whoever calls this.
  if (options.buildFunctions ?? true) execFileSync('npx', ['tsx', 'tools/build-functions.ts'], { cwd: repoRoot, stdio });
  const buildH5 = options.buildH5 ?? 'missing';
  if (buildH5 === 'always' || (buildH5 === 'missing' && !existsSync(join(h5Dir, 'index.html')))) {
    // NODE_ENV=test (jest) would make Taro build for development, react-refresh and all.
    execFileSync('npm', ['run', '--silent', 'build:h5'], { cwd: repoRoot, stdio, env: { ...process.env, NODE_ENV: 'production' } });
  }
  mkdirSync(options.cloud.dataDir, { recursive: true });
  const usersFile = join(options.cloud.dataDir, 'signin-users.json');
  writeDemoSigninUsers(usersFile);
  const cloud = await startLocalCloud({
    ...options.cloud,
    functionsDir: join(repoRoot, 'cloudfunctions/dist'),
    databaseFile: join(repoRoot, 'database/collections.json'),
    storageRulesFile: join(repoRoot, 'database/storage.rules.json'),
    usersFile,
  });
  try {
    Object.assign(process.env, sdkEnvFor(cloud.url, cloud.envId));
    const history = options.history ?? historyWanted();
    const seeded = (await isEmpty(cloud.envId)) ? (await seedDemoCounty({ envId: cloud.envId, history })).created : undefined;
    const host = options.webHost ?? options.cloud.host;
    const web = await startWebServer({
      root: h5Dir,
      cloudUrl: cloud.url,
      host,
      port: options.webPort,
      publicUrl: (port) => publicUrlFor({ host, port, publicUrl: options.publicUrl, interfaces: networkInterfaces() }),
    });
    return {
      cloud,
      web,
      seeded,
      async stop() {
        await web.close();
        await cloud.close();
      },
    };
  } catch (error) {
    await cloud.close();
    throw error;
  }
}

/** The local start seeds only an empty store, so a restart keeps what people did in the demo. */
async function isEmpty(envId: string): Promise<boolean> {
  const db = tcb.init({ env: envId }).database();
  try {
    const { total } = await db.collection('regions').count();
    return total === 0;
  } catch {
    return true; // no regions collection yet
  }
}
