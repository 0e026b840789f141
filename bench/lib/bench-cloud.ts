/**
 * The scaffolding every bench that measures through a local cloud shares: a fresh data directory, a cloud on
 * a free port with this process's wx-server-sdk pointed at it, both gone afterwards whatever happened; and
 * one way for a bench to fail on a crash.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalCloud, LocalCloudConfig } from '../../localcloud/src';
import { startTestCloud } from '../../tests/helpers/local-cloud';

/** What a bench chooses; the address, env id and data directory are the helper's, the AppID defaults to wx-bench. */
export type BenchCloudOptions = Omit<LocalCloudConfig, 'host' | 'port' | 'envId' | 'dataDir' | 'appId'> & { appId?: string };

export interface BenchCloud {
  cloud: LocalCloud;
  dataDir: string;
  /** The real wx-server-sdk, initialised against the cloud on first use (so a bench may time its loading). */
  sdk(): typeof import('wx-server-sdk');
}

/**
 * Runs `bench` against a fresh local cloud and returns what it returns. `options` may be a function of the
 * data directory, for a bench that writes a file there (a collections file, say) for the cloud to start with.
 */
export async function withBenchCloud<T>(
  options: BenchCloudOptions | ((dataDir: string) => BenchCloudOptions),
  bench: (context: BenchCloud) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-cloud-'));
  try {
    const chosen = typeof options === 'function' ? options(dataDir) : options;
    // The same throwaway cloud the integration tests use (tests/helpers/local-cloud.ts), on the bench's env.
    const test = await startTestCloud({ appId: 'wx-bench', ...chosen, host: '127.0.0.1', port: 0, envId: 'bench-env', dataDir });
    try {
      return await bench({ cloud: test.cloud, dataDir, sdk: test.sdk });
    } finally {
      await test.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Runs a bench's main. A crash is printed and fails the run through process.exitCode, the way a WORSE
 * figure fails it in compareWithBaseline, so every bench fails one way and none cuts its output short.
 */
export function runBench(main: () => Promise<void>): Promise<void> {
  return main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
