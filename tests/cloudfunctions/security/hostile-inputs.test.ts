import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ERROR_CODES } from '@pingan/shared';
import { FunctionError } from '../../../localcloud/src/functions';
import { DEMO, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';
import { corrupt, corruptions } from './corruptions';
import { HOSTILE_TARGETS, makeFixtures, withFixtures, type Fixtures, type HostileTarget } from './hostile-targets';
import { watchWrites, type StoredState, type WriteWatch } from './write-watch';

/**
 * Every cloud function, fed valid events corrupted every way an attacker would (see README.md), must
 * answer a stable code (never INTERNAL.ERROR), or — when the corruption happens to leave a valid event —
 * the valid call's answer for the caller and no other; never crash; and write nothing unless the valid
 * call writes, and then only what it writes. HOSTILE_RUNS runs per function (60 by default; 10,000 on
 * demand); a failure prints fast-check's seed and path, which HOSTILE_SEED / HOSTILE_PATH replay.
 */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 60);
const SEED = process.env.HOSTILE_SEED === undefined ? undefined : Number(process.env.HOSTILE_SEED);
const PATH = process.env.HOSTILE_PATH;
const FUNCTIONS = readdirSync(join(__dirname, '../../../cloudfunctions/src/functions'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
/** HOSTILE_STATS=1 prints what the runs got per function, to see that the corruptions reach every path. */
const tally = new Map<string, Map<string, number>>();
function count(name: string, outcome: string): void {
  const counts = tally.get(name) ?? new Map<string, number>();
  counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  tally.set(name, counts);
}
const STABLE_CODES = new Set<string>(ERROR_CODES.filter((code) => code !== 'INTERNAL.ERROR'));

let cloud: FunctionsCloud;
let watch: WriteWatch;
let fixtures: Fixtures;
beforeAll(async () => {
  cloud = await startFunctionsCloud({ rateLimits: 'seeded' });
  watch = watchWrites(cloud.testCloud.dataDir);
  fixtures = await makeFixtures(cloud);
}, 120_000);
afterAll(async () => {
  if (process.env.HOSTILE_STATS) {
    const lines = [...tally].map(([name, counts]) => `${name}: ${[...counts].map(([outcome, n]) => `${outcome} ${n}`).join(', ')}`);
    process.stdout.write(`hostile outcomes per function\n${lines.join('\n')}\n`);
  }
  watch?.close();
  await cloud?.stop();
});

type Outcome = { answer: unknown } | { refused: FunctionError };

async function callAs(name: string, event: unknown, openid: string): Promise<Outcome> {
  try {
    return { answer: await cloud.testCloud.cloud.functions.invoke(name, event, { openid }) };
  } catch (error) {
    // A refusal before the function runs (the platform's payload limits) is a clear error too, if a 4xx;
    // a missing function is not.
    const refusal =
      error instanceof FunctionError && error.httpStatus >= 400 && error.httpStatus < 500 && error.code !== 'FUNCTION_NOT_FOUND';
    if (refusal) return { refused: error };
    throw error;
  }
}

async function expectHostileCallHeld(name: string, target: HostileTarget, event: unknown, caller: string): Promise<void> {
  const before: StoredState = watch.snapshot();
  const outcome = await callAs(name, event, caller);
  const after = watch.snapshot();
  const changes = watch.changes(before, after);
  const answer = 'answer' in outcome ? (outcome.answer as { ok?: unknown; code?: unknown; message?: unknown; data?: unknown }) : undefined;
  count(name, answer ? (answer.ok === true ? 'ok' : String(answer.code)) : `refused ${'refused' in outcome ? outcome.refused.code : ''}`);
  const added: Record<string, number> = {};
  for (const [collection, n] of Object.entries(after.counts)) {
    if (n !== before.counts[collection]) added[collection] = n - (before.counts[collection] ?? 0);
  }
  // What the call may write: a success its valid call's collections; a refusal by the function nothing,
  // or its rate bookkeeping; a refusal at the edge nothing. Files: never.
  const allowed = !answer ? [] : answer.ok === true ? target.mayWrite : (target.refusalMayWrite ?? []);
  const strayCollections = Object.keys(added)
    .filter((c) => !allowed.includes(c))
    .map((c) => `${c}: ${added[c]} documents`);
  // A success may append to the open-API records it names (a subscribe message sent), and to no other file.
  const recorded = (line: string) => answer?.ok === true && (target.mayRecord ?? []).some((file) => line.startsWith(`file ${file}:`));
  const stray =
    allowed.length === 0 ? changes : [...strayCollections, ...changes.filter((line) => line.startsWith('file ') && !recorded(line))];
  if (!answer || answer.ok !== true) {
    if (answer) {
      expect(answer).toEqual({ ok: false, code: expect.any(String), message: expect.any(String) });
      if (!STABLE_CODES.has(answer.code as string)) throw new Error(`${name} answered ${String(answer.code)}: ${String(answer.message)}`);
    }
    if (stray.length > 0)
      throw new Error(`${name} refused the call (${String(answer?.code ?? 'at the edge')}) but wrote: ${stray.join('; ')}`);
    return;
  }
  if (stray.length > 0) throw new Error(`${name} wrote what its valid call does not: ${stray.join('; ')}`);
  await target.checkOk({ cloud, fixtures, caller, event, data: answer.data as Record<string, unknown>, added });
}

describe('the write watch', () => {
  it('sees an update of one field as a write, and a read as none', async () => {
    const before = watch.snapshot();
    await cloud.data('me', {}, DEMO.resident);
    expect(watch.changes(before, watch.snapshot())).toEqual([]);
    await cloud
      .db()
      .collection('users')
      .doc('u-resident-12')
      .update({ data: { name: '改名' } });
    expect(watch.changes(before, watch.snapshot())).toEqual([expect.stringMatching(/^database committed/)]);
  });
});

describe.each(FUNCTIONS)('%s, fed hostile events', (name) => {
  it(
    `answers a stable code or the caller's valid answer, never crashes, and writes nothing stray (${RUNS} runs)`,
    async () => {
      const target = HOSTILE_TARGETS[name];
      if (!target)
        throw new Error(`cloud function ${name} has no hostile-input target: add one to tests/cloudfunctions/security/hostile-targets.ts`);
      const statsBefore = cloud.testCloud.cloud.functions.stats()[name];
      await fc.assert(
        fc.asyncProperty(target.valid, corruptions, fc.nat(), async (valid, changes, pick) => {
          const event = withFixtures(corrupt(valid, changes), fixtures);
          await expectHostileCallHeld(name, target, event, target.caller(pick));
        }),
        { numRuns: RUNS, ...(SEED !== undefined && { seed: SEED }), ...(PATH !== undefined && { path: PATH }), endOnFailure: true },
      );
      // Still answering a valid call as usual (and checked as any other run, which renews a used fixture).
      const valid = fc.sample(target.valid, { numRuns: 1, seed: 1 })[0] as Record<string, unknown>;
      await expectHostileCallHeld(name, target, withFixtures(corrupt(valid, []), fixtures), target.caller(0));
      const stats = cloud.testCloud.cloud.functions.stats()[name];
      expect({ crashes: stats?.crashes, timeouts: stats?.timeouts }).toEqual({
        crashes: statsBefore?.crashes ?? 0,
        timeouts: statsBefore?.timeouts ?? 0,
      });
    },
    60_000 + RUNS * 500,
  );
});
