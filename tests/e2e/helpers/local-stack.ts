import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { sdkEnvFor, startLocalCloud, type LocalCloud } from '../../../localcloud/src';
import { seedDemoCounty } from '../../../tools/seed/seed';
import { startWebServer } from '../../../tools/web-server';
import { writeDemoSigninUsers } from './demo-users';

const repoRoot = resolve(__dirname, '../../..');
export const h5Dir = join(repoRoot, 'client/dist/h5');

export interface LocalStack {
  cloud: LocalCloud;
  /** Where the H5 build is served, with the cloud's routes forwarded at the same origin. */
  webUrl: string;
  stop(): Promise<void>;
}

export interface LocalStackOptions {
  /** Build the cloud functions first (default: true). */
  buildFunctions?: boolean;
  /** Build the H5 client first: 'always', or only when it is 'missing' (default: 'missing'). */
  buildH5?: 'always' | 'missing' | 'never';
}

/**
 * The whole system on loopback ports for one test run: a fresh local cloud running the bundled cloud
 * functions, seeded with the demo county, and the H5 build served beside it (tools/web-server.ts).
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  // In a child process: the bundler script is typed for node alone, these tests also for the DOM.
  if (options.buildFunctions ?? true) execFileSync('npx', ['tsx', 'tools/build-functions.ts'], { cwd: repoRoot, stdio: 'inherit' });
  const buildH5 = options.buildH5 ?? 'missing';
  if (buildH5 === 'always' || (buildH5 === 'missing' && !existsSync(join(h5Dir, 'index.html')))) {
    // Jest sets NODE_ENV=test, which Taro would take for a development build (react-refresh and all).
    execFileSync('npm', ['run', '--silent', 'build:h5'], { cwd: repoRoot, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'pingan-e2e-'));
  const usersFile = join(dataDir, 'signin-users.json');
  writeDemoSigninUsers(usersFile);
  const cloud = await startLocalCloud({
    host: '127.0.0.1',
    port: 0,
    envId: 'e2e-env',
    dataDir: join(dataDir, 'cloud'),
    functionsDir: join(repoRoot, 'cloudfunctions/dist'),
    databaseFile: join(repoRoot, 'database/collections.json'),
    usersFile,
    poolSize: 2,
    appId: 'wx-e2e-appid',
  });
  try {
    Object.assign(process.env, sdkEnvFor(cloud.url, cloud.envId));
    await seedDemoCounty({ envId: cloud.envId });
    const web = await startWebServer({ root: h5Dir, cloudUrl: cloud.url, host: '127.0.0.1', port: 0 });
    return {
      cloud,
      webUrl: web.url,
      async stop() {
        await web.close();
        await cloud.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await cloud.close();
    throw error;
  }
}
