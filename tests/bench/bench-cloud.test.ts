import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runBench, withBenchCloud } from '../../bench/lib/bench-cloud';

describe('withBenchCloud', () => {
  const savedEnv = { ...process.env };
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  it('gives the bench a cloud the SDK in this process reaches, and returns what the bench returns', async () => {
    const added = await withBenchCloud({ poolSize: 1 }, async ({ cloud, sdk }) => {
      expect(cloud.envId).toBe('bench-env');
      const db = sdk().database();
      await db.createCollection('notes');
      await db.collection('notes').add({ data: { text: 'hello' } });
      return ((await db.collection('notes').get()) as { data: unknown[] }).data.length;
    });
    expect(added).toBe(1);
  });

  it('starts the cloud with files the options function wrote into the data directory', async () => {
    await withBenchCloud(
      (dataDir) => {
        const databaseFile = join(dataDir, 'collections.json');
        writeFileSync(databaseFile, JSON.stringify({ collections: { events: {} } }));
        return { poolSize: 1, databaseFile };
      },
      async ({ dataDir }) => {
        expect(JSON.parse(readFileSync(join(dataDir, 'collections.json'), 'utf8'))).toEqual({ collections: { events: {} } });
      },
    );
  });

  it('removes the data directory afterwards', async () => {
    const dataDir = await withBenchCloud({ poolSize: 1 }, async (bench) => bench.dataDir);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('closes the cloud and removes the data directory when the bench throws', async () => {
    let seen: { url: string; dataDir: string } | undefined;
    const failing = withBenchCloud({ poolSize: 1 }, async ({ cloud, dataDir }) => {
      seen = { url: cloud.url, dataDir };
      throw new Error('measurement broke');
    });
    await expect(failing).rejects.toThrow('measurement broke');
    expect(existsSync(seen?.dataDir ?? '')).toBe(false);
    await expect(fetch(`${seen?.url}/healthz`)).rejects.toThrow();
  });
});

describe('runBench', () => {
  let error: jest.SpyInstance;
  beforeEach(() => {
    error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    error.mockRestore();
    process.exitCode = undefined;
  });

  it('prints a crash and fails the run through the exit code', async () => {
    const crash = new Error('no cloud');
    await runBench(() => Promise.reject(crash));
    expect(error).toHaveBeenCalledWith(crash);
    expect(process.exitCode).toBe(1);
  });

  it('leaves the exit code alone when the bench finishes', async () => {
    await runBench(async () => undefined);
    expect(process.exitCode).toBeUndefined();
  });
});
