import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { h5Dir, startLocalStack as startStack, type LocalStack as Stack } from '../../../tools/local-stack';

export { h5Dir };

export interface LocalStack {
  cloud: Stack['cloud'];
  /** Where the H5 build is served, with the cloud's routes forwarded at the same origin. */
  webUrl: string;
  stop(): Promise<void>;
}

/** `npm start`'s stack (tools/local-stack.ts) on free loopback ports with a fresh, throwaway data dir. */
export async function startLocalStack(options: { buildH5?: 'always' | 'missing' | 'never' } = {}): Promise<LocalStack> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pingan-e2e-'));
  const stack = await startStack({
    cloud: { host: '127.0.0.1', port: 0, envId: 'e2e-env', dataDir, poolSize: 2, appId: 'wx-e2e-appid' },
    webPort: 0,
    buildH5: options.buildH5,
  });
  return {
    cloud: stack.cloud,
    webUrl: stack.web.url,
    async stop() {
      await stack.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
