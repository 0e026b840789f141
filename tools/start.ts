/**
 * `npm start`: the whole system on this machine — builds the cloud functions, starts the local cloud with
 * the demo county seeded (only into an empty store), builds the H5 client when missing, serves it, and
 * prints where everything is. Configuration: the local cloud's LOCALCLOUD_* variables (see
 * localcloud/README.md) plus WEB_PORT, from .env / .env.local (tools/config.ts); --rebuild rebuilds the H5 client.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { configFromEnv, sdkEnvFor, startLocalCloud } from '../localcloud/src';
import { buildFunctions } from './build-functions';
import { repoRoot as root, toolsEnv, webPort } from './config';
import { seedDemoCounty } from './seed/seed';
import { startWebServer } from './web-server';

interface DemoPerson {
  openid: string;
  name: string;
  role: string;
  id: string;
}

/** Everyone in the demo county may sign in locally; the six demo users carry their picker label. */
function writeSigninUsers(file: string): void {
  const people = JSON.parse(readFileSync(join(root, 'data/demo-county/people.json'), 'utf8')) as {
    people: DemoPerson[];
    demoSignIn: { id: string; label: string }[];
  };
  const labels = new Map(people.demoSignIn.map((d) => [d.id, d.label]));
  const users = people.people.map((p) => ({ openid: p.openid, name: p.name, label: labels.get(p.id) ?? p.role }));
  writeFileSync(file, `${JSON.stringify(users, null, 2)}\n`);
}

async function isEmpty(envId: string): Promise<boolean> {
  const db = tcb.init({ env: envId }).database();
  try {
    const { total } = await db.collection('regions').count();
    return total === 0;
  } catch {
    return true; // no regions collection yet
  }
}

async function main(): Promise<void> {
  const stateDir = join(root, '.localcloud');
  mkdirSync(stateDir, { recursive: true });
  const usersFile = join(stateDir, 'signin-users.json');
  writeSigninUsers(usersFile);

  const built = await buildFunctions();
  console.log(`built ${built.length} cloud functions into cloudfunctions/dist/`);

  const defaults = {
    LOCALCLOUD_DATA_DIR: join(stateDir, 'data'),
    LOCALCLOUD_FUNCTIONS_DIR: join(root, 'cloudfunctions/dist'),
    LOCALCLOUD_DATABASE_FILE: join(root, 'database/collections.json'),
    LOCALCLOUD_USERS_FILE: usersFile,
  };
  const env = toolsEnv();
  const config = configFromEnv({ ...defaults, ...env });
  const cloud = await startLocalCloud(config);
  Object.assign(process.env, sdkEnvFor(cloud.url, cloud.envId));

  if (await isEmpty(cloud.envId)) {
    const report = await seedDemoCounty({ envId: cloud.envId });
    console.log(`seeded the demo county: ${JSON.stringify(report.created)}`);
  } else {
    console.log('store already has data: not seeding (delete .localcloud/data to start over)');
  }

  const h5 = join(root, 'client/dist/h5');
  if (process.argv.includes('--rebuild') || !existsSync(join(h5, 'index.html'))) {
    console.log('building the H5 client …');
    execFileSync('npm', ['run', '--silent', 'build:h5'], { cwd: root, stdio: 'inherit' });
  }
  const web = await startWebServer({ root: h5, cloudUrl: cloud.url, host: config.host, port: webPort(env) });

  console.log(
    [
      '',
      `  平安网格 (H5)     ${web.url}/`,
      `  local cloud       ${cloud.url}   (SDK: TCB_CONTEXT_CNFG='{"URL":"${cloud.url}/admin"}' SCF_NAMESPACE=${cloud.envId})`,
      `  data              ${config.dataDir}`,
      '  Ctrl-C stops everything.',
      '',
    ].join('\n'),
  );
  const stop = () => {
    Promise.all([web.close(), cloud.close()]).finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
