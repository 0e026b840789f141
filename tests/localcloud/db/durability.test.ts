import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sdkEnvFor } from '../../../localcloud/src';
import { startTestCloud } from '../../helpers/local-cloud';
import { databaseOf } from './sdk-database';

/** Acknowledged writes survive a restart and a kill -9 of the server. */

const dataDirs: string[] = [];
function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'localcloud-durability-'));
  dataDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
});

/** Runs a TypeScript file of ./processes as its own node process. */
function runScript(name: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'processes', name), ...args], {
    cwd: join(__dirname, '..', '..', '..'),
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** Calls `onLine` for each stdout line; resolves with the first line `until` accepts. */
function watchLines(child: ChildProcess, onLine: (line: string) => void, until: (line: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      onLine(line);
      if (until(line)) resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`${child.spawnargs.join(' ')} exited (${code}) before the expected line`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function allJournalIds(dataDir: string): Promise<Set<string>> {
  const testCloud = await startTestCloud({ dataDir });
  try {
    const journal = databaseOf(testCloud).collection('journal');
    const { total } = await journal.count();
    const ids = new Set<string>();
    for (let skip = 0; skip < total; skip += 1000) {
      const { data } = await journal.orderBy('_id', 'asc').skip(skip).limit(1000).get();
      for (const doc of data as Array<{ _id: string }>) ids.add(doc._id);
    }
    return ids;
  } finally {
    await testCloud.stop();
  }
}

describe('durability', () => {
  it('keeps documents, collections and dates across a close and a restart on the same data dir', async () => {
    const dataDir = freshDataDir();
    const first = await startTestCloud({ dataDir });
    await databaseOf(first).createCollection('kept');
    await databaseOf(first)
      .collection('kept')
      .add({ data: { _id: 'k1', at: new Date('2024-02-03T04:05:06Z'), list: [1, { a: 2 }] } });
    await first.stop();

    const second = await startTestCloud({ dataDir });
    try {
      expect(second.cloud.database.collections()).toContain('kept');
      const { data } = await databaseOf(second).collection('kept').doc('k1').get();
      expect(data).toEqual({ _id: 'k1', at: new Date('2024-02-03T04:05:06Z'), list: [1, { a: 2 }] });
    } finally {
      await second.stop();
    }
  });

  it('loses no acknowledged write when the server is killed with SIGKILL in the middle of a write loop', async () => {
    const dataDir = freshDataDir();
    const server = runScript('serve-local-cloud.ts', [dataDir]);
    const listening = await watchLines(
      server,
      () => undefined,
      (line) => line.startsWith('listening '),
    );
    const url = listening.slice('listening '.length);

    const acknowledged: string[] = [];
    const writer = runScript('write-loop.ts', [], { ...process.env, ...sdkEnvFor(url, 'crash-env') });
    await watchLines(
      writer,
      (line) => {
        if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
      },
      () => acknowledged.length >= 400,
    );
    server.kill('SIGKILL');
    await exited(server);
    await exited(writer);

    const stored = await allJournalIds(dataDir);
    expect(acknowledged.length).toBeGreaterThanOrEqual(400);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  }, 60_000);
});
