import { configFromEnv } from './config';
import { startLocalCloud } from './local-cloud';

/** `localcloud`: starts the local cloud from environment configuration and prints where it listens. */
async function main(): Promise<void> {
  const config = configFromEnv();
  const cloud = await startLocalCloud(config);
  process.stdout.write(
    [
      `localcloud listening on ${cloud.url}`,
      `  env id        ${cloud.envId}`,
      `  data dir      ${config.dataDir}`,
      `  functions     ${config.functionsDir ?? '(none)'}`,
      `  SDK endpoint  TCB_CONTEXT_CNFG='{"URL":"${cloud.url}/admin"}' SCF_NAMESPACE=${cloud.envId}`,
      '',
    ].join('\n'),
  );
  const stop = () => {
    cloud.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`localcloud failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
