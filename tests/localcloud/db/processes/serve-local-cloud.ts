import { startLocalCloud } from '../../../../localcloud/src';

/**
 * Starts a local cloud on a free port over the data dir given as the first argument and prints
 * `listening <url>`: the server half of the kill -9 test, run as its own process so it can be killed.
 */
async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: serve-local-cloud <dataDir>');
  const cloud = await startLocalCloud({ host: '127.0.0.1', port: 0, envId: 'crash-env', dataDir, poolSize: 1, appId: 'wx-crash' });
  process.stdout.write(`listening ${cloud.url}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
