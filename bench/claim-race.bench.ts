/**
 * 党员接单 under contention: ROUNDS tasks, each claimed by CLAIMERS volunteers of its grid at once, through
 * the built claimOrder in the local cloud's worker pool (4 instances, as the integration tests run it) and
 * the real SDK. Prints per round the winners (exactly one, or the bench fails), the refusals by code, the
 * race's wall time and the claimers' latency (a loser's conditional update changes nothing, and it reads the
 * order again before the table refuses it: 2 more requests than the winner); the last line is one JSON object.
 *
 *   npx tsx bench/claim-race.bench.ts
 *
 * No baseline: wall times on a shared 2-core machine are figures to read, and the one rule — one winner —
 * is checked every round.
 */
import { performance } from 'node:perf_hooks';
import { shanghaiDayKey } from '@pingan/shared';
import { DEMO, draftKey, startFunctionsCloud } from '../tests/cloudfunctions/helpers/functions-cloud';
import { runBench } from './lib/bench-cloud';

const ROUNDS = 5;
const CLAIMERS = 100;
const GRID = '410399001001-03';
const DAY_MS = 24 * 60 * 60 * 1000;

function quantile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN);
}

runBench(async () => {
  const cloud = await startFunctionsCloud();
  try {
    const claimers = Array.from({ length: CLAIMERS }, (_, i) => ({ _id: `u-bench-race-${i}`, openid: `o-bench-race-${i}` }));
    await Promise.all(
      claimers.map((person, i) =>
        cloud
          .db()
          .collection('users')
          .add({ data: { ...person, name: `志愿者${i}`, roles: ['volunteer', 'resident'], gridCodes: [GRID], skills: [] } }),
      ),
    );
    const rounds: { winners: number; refusals: Record<string, number>; wallMs: number; p50Ms: number; p99Ms: number }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      const hour = String(8 + round).padStart(2, '0');
      const task = await cloud.data<{ order: { id: string } }>(
        'postTask',
        {
          idempotencyKey: draftKey(),
          gridCode: GRID,
          taskKind: 'sanitation',
          address: '幸福路小区 3 号楼',
          date: shanghaiDayKey(Date.now() + 3 * DAY_MS),
          start: `${hour}:00`,
          end: `${hour}:30`,
        },
        DEMO.gridWorker,
      );
      const latencies: number[] = [];
      const started = performance.now();
      const answers = await Promise.all(
        claimers.map(async (person) => {
          const at = performance.now();
          const answer = await cloud.call('claimOrder', { orderId: task.order.id }, person.openid);
          latencies.push(performance.now() - at);
          return answer;
        }),
      );
      const wallMs = Math.round(performance.now() - started);
      const refusals: Record<string, number> = {};
      for (const answer of answers) if (!answer.ok) refusals[answer.code] = (refusals[answer.code] ?? 0) + 1;
      const winners = answers.filter((answer) => answer.ok).length;
      rounds.push({ winners, refusals, wallMs, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99) });
      console.log(
        `round ${round + 1}: ${winners} winner, refusals ${JSON.stringify(refusals)}, race ${wallMs} ms, a claim p50 ${quantile(latencies, 0.5)} ms p99 ${quantile(latencies, 0.99)} ms`,
      );
      if (winners !== 1) process.exitCode = 1;
    }
    const wall = rounds.map((r) => r.wallMs);
    console.log(
      JSON.stringify({
        claimers: CLAIMERS,
        rounds: ROUNDS,
        winnersEveryRound: rounds.every((r) => r.winners === 1),
        medianRaceMs: quantile(wall, 0.5),
        medianClaimP50Ms: quantile(
          rounds.map((r) => r.p50Ms),
          0.5,
        ),
        medianClaimP99Ms: quantile(
          rounds.map((r) => r.p99Ms),
          0.5,
        ),
      }),
    );
  } finally {
    await cloud.stop();
  }
});
