/**
 * `npm start`: the whole system on this machine (tools/local-stack.ts) with the demo county seeded into
 * an empty store, and where everything is printed. Configuration: the local cloud's LOCALCLOUD_* variables
 * (localcloud/README.md) and WEB_PORT, from .env / .env.local (tools/config.ts); --rebuild rebuilds the
 * H5 client, which is otherwise built only when missing.
 */
import { join } from 'node:path';
import { configFromEnv } from '../localcloud/src';
import { repoRoot, toolsEnv, webPort } from './config';
import { startLocalStack } from './local-stack';

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
      `  local cloud       ${url}   (SDK: TCB_CONTEXT_CNFG='{"URL":"${url}/admin"}' SCF_NAMESPACE=${envId})`,
      `  data              ${cloud.dataDir}`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
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
