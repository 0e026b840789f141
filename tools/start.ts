/**
 * `npm start`: the whole system on this machine (tools/local-stack.ts) with the demo county seeded into
 * an empty store, and where everything is printed. Configuration: the local cloud's LOCALCLOUD_* variables
 * (localcloud/README.md), WEB_PORT, WEB_HOST (0.0.0.0: phones on the same Wi-Fi may open it) and PUBLIC_URL
 * (the address the QR codes carry; unset: the LAN address), from .env / .env.local (tools/config.ts);
 * --rebuild rebuilds the H5 client, which is otherwise built only when missing.
 */
import { join } from 'node:path';
import { configFromEnv } from '../localcloud/src';
import { repoRoot, toolsEnv, webPort } from './config';
import { startLocalStack } from './local-stack';
import { reachableFromLan } from './public-url';

async function main(): Promise<void> {
  const env = toolsEnv();
  const {
    functionsDir: _f,
    databaseFile: _d,
    usersFile: _u,
    ...cloud
  } = configFromEnv({
    LOCALCLOUD_DATA_DIR: join(repoRoot, '.localcloud/data'),
    // The demo runs its scheduled functions (clockSweep) on their timers; tests fire them by hand.
    LOCALCLOUD_TIMERS: 'on',
    ...env,
  });
  console.log('building the cloud functions (and the H5 client if it is missing) …');
  const stack = await startLocalStack({
    cloud,
    webPort: webPort(env),
    webHost: env.WEB_HOST || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    buildH5: process.argv.includes('--rebuild') ? 'always' : 'missing',
    verbose: true,
  });
  const { url, envId } = stack.cloud;
  console.log(
    [
      stack.seeded
        ? `seeded the demo county: ${JSON.stringify(stack.seeded)}`
        : 'store already has data: not seeding (delete .localcloud/data to start over)',
      '',
      `  平安网格 (H5)     ${stack.web.url}/`,
      reachableFromLan(env.WEB_HOST || cloud.host)
        ? `  手机 (same Wi-Fi) ${stack.web.publicUrl}/   (网格二维码 carry this address)`
        : `  手机              WEB_HOST=0.0.0.0 npm start lets a phone on the same Wi-Fi in (${stack.web.publicUrl} is this machine only)`,
      `  local cloud       ${url}   (SDK: TCB_CONTEXT_CNFG='{"URL":"${url}/admin"}' SCF_NAMESPACE=${envId})`,
      `  data              ${cloud.dataDir}`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  if (reachableFromLan(env.WEB_HOST || cloud.host)) {
    console.warn(
      'WARNING: the demo sign-in (切换演示用户) lets anyone who can reach this address act as any demo person. ' +
        'Use it on a network you trust, with demo data only; the local cloud itself and /__local stay on this machine.\n',
    );
  }
  const stop = () => {
    stack.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
