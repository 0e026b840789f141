import { nextMonthKey, shanghaiMonthKey, STATEMENT_KINDS } from '@pingan/shared';
import { DEMO, reportEvent, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';

/**
 * settleMonth, the monthly settlement, run by its timer trigger in the local cloud at a virtual Time, over
 * a month of money made through the functions (李明's acceptances and a reversal) and generated beside them
 * (120 informants' awards and reversals, more than two pages). Built functions, the real SDK, the demo county.
 */
let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
}, 180_000);
afterAll(async () => cloud?.stop());

type Entry = {
  _id: string;
  personId: string;
  kind: string;
  unit: string;
  amount: number;
  monthKey?: string;
  gridCode?: string;
  streetCode?: string;
};
type Statement = {
  _id: string;
  personId: string;
  monthKey: string;
  rows: { entryId: string; amountFen: number }[];
  totalFen: number;
  payableFen: number;
  carriedFen: number;
};
type Totals = {
  totalFen: number;
  payableFen: number;
  byPerson: Record<string, number>;
  byGrid: Record<string, number>;
  byStreet: Record<string, number>;
};
type Month = { _id: string; status: string; totals?: Totals; informants?: number; closedAt?: number };
type Run = { monthKey: string; status: string; settled: number; more: boolean };

const MINUTE = 60_000;
const MONTH = shanghaiMonthKey(Date.now());
const NEXT = nextMonthKey(MONTH);
/** 00:00 on the 1st of the next month in Shanghai: when the trigger first fires for MONTH. */
const FIRST_RUN = Date.parse(`${NEXT}-01T00:00:00+08:00`);
const LI_MING = 'u-informant-01';
const GRIDS = ['410399001001-02', '410399001001-03', '410399001002-05', '410399001003-04', '410399002001-05'];

async function fireAt(at: number): Promise<Run> {
  const answer = (await cloud.testCloud.cloud.functions.fireTimer('settleMonth', new Date(at))) as { ok: boolean; data: Run };
  if (!answer.ok) throw new Error(`settleMonth answered ${JSON.stringify(answer)}`);
  return answer.data;
}

/** A report of 李明's in grid -03 accepted by its 网格员 now: its award's id. */
async function acceptedReport(): Promise<string> {
  const { report } = await cloud.data<{ report: { id: string } }>('submitReport', reportEvent(), DEMO.informant);
  await cloud.data('acceptReport', { reportId: report.id }, DEMO.gridWorker);
  return report.id;
}

/** Deterministic pseudo-random numbers, so the generated month is the same every run. */
function randoms(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** 120 informants' money in MONTH, stored as acceptance and reversal store it: awards of 0–500 fen, a reversal now and then. */
async function generatedMonth(): Promise<Entry[]> {
  const random = randoms(12);
  const entries: Entry[] = [];
  for (let p = 0; p < 120; p += 1) {
    const personId = `u-gen-${String(p).padStart(3, '0')}`;
    for (let r = 0; r < 1 + Math.floor(random() * 6); r += 1) {
      const reportId = `rgen${p}x${r}`;
      const gridCode = GRIDS[Math.floor(random() * GRIDS.length)] as string;
      const at = Date.parse(`${MONTH}-0${1 + r}T10:00:00+08:00`);
      const base = {
        personId,
        unit: 'fen',
        at,
        dayKey: `${MONTH}-0${1 + r}`,
        monthKey: MONTH,
        reportId,
        gridCode,
        streetCode: gridCode.slice(0, 9),
      };
      const amount = [0, 50, 100, 300, 500][Math.floor(random() * 5)] as number;
      entries.push({ _id: `award:${reportId}`, kind: 'award', amount, basis: 'informant', ...base } as Entry);
      if (random() < 0.2)
        entries.push({
          _id: `reversal:${reportId}`,
          kind: 'reversal',
          amount: -amount,
          cause: 'invalid',
          reason: '核实无效',
          by: 'u-grid-leader-03',
          ...base,
        } as Entry);
    }
  }
  const ledger = cloud.db().collection('pointsLedger');
  for (let i = 0; i < entries.length; i += 25) await Promise.all(entries.slice(i, i + 25).map((entry) => ledger.add({ data: entry })));
  return entries;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const sumOf = (record: Record<string, number>) => sum(Object.values(record));

it('is declared to run every 10 minutes on the 1st of each month on a timer trigger', () => {
  expect(cloud.testCloud.cloud.functions.timers()).toContainEqual({
    functionName: 'settleMonth',
    name: 'monthlyOnThe1st',
    config: '0 */10 * 1 * * *',
  });
});

it('refuses any caller', async () => {
  const event = { Type: 'timer', TriggerName: 'monthlyOnThe1st', Time: new Date(FIRST_RUN).toISOString() };
  expect(await cloud.call('settleMonth', event, DEMO.countyCentre)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  expect(await cloud.get('settlementMonths', MONTH)).toBeUndefined();
});

let reversedLater: string;
let lateAward: string;

it('settles a generated month of awards and reversals to the fen, a page a run, racing runs and all', async () => {
  const [first, second, third] = [await acceptedReport(), await acceptedReport(), await acceptedReport()];
  reversedLater = third;
  // A reversal before settlement counts in the award's month.
  const before = await cloud.data<{ reversal: { monthKey: string; amount: number } }>(
    'reverseAward',
    { reportId: first, cause: 'duplicate', note: '与另一条重复' },
    DEMO.gridLeader,
  );
  expect(before.reversal.monthKey).toBe(MONTH);
  expect(before.reversal.amount).toBeLessThan(0);
  expect(await cloud.get<Entry>('pointsLedger', `award:${second}`)).toMatchObject({
    monthKey: MONTH,
    gridCode: '410399001001-03',
    streetCode: '410399001',
  });
  const generated = await generatedMonth();

  // The first run locks the month and waits out writes in flight; then a page of 50 informants a run.
  expect(await fireAt(FIRST_RUN)).toMatchObject({ monthKey: MONTH, status: 'waiting', settled: 0, more: true });
  expect(await cloud.get<Month>('settlementMonths', MONTH)).toMatchObject({ status: 'closing' });
  const runs: Run[] = [];
  for (let at = FIRST_RUN + 10 * MINUTE; runs.at(-1)?.status !== 'closed'; at += 10 * MINUTE) {
    runs.push(...(await Promise.all([fireAt(at), fireAt(at)])));
    if (runs.length > 20) throw new Error('the settlement never closed');
  }
  // 2 full pages of 50 before the last: a racing pair settles one page between them, or (when the second
  // starts once the first has moved the cursor on) a page each, so 2 to 4 runs said settling.
  const settling = runs.filter((run) => run.status === 'settling');
  expect(settling.length).toBeGreaterThanOrEqual(2);
  expect(settling.length).toBeLessThanOrEqual(4);
  const statements = await cloud.find<Statement>('settlementStatements', { monthKey: MONTH });
  expect(sum(runs.map((run) => run.settled))).toBe(statements.length);
  expect(statements.length).toBeGreaterThanOrEqual(121);
  expect(statements.map((s) => s.personId)).toEqual(expect.arrayContaining([LI_MING, 'u-gen-000', 'u-gen-119']));

  // Statements against the ledger: every money entry counted in the month, once, to the fen.
  const money = (await cloud.find<Entry>('pointsLedger', { monthKey: MONTH, unit: 'fen' })).filter((e) =>
    (STATEMENT_KINDS as readonly string[]).includes(e.kind),
  );
  expect(money.length).toBeGreaterThanOrEqual(generated.length + 4);
  expect(sum(statements.map((s) => s.rows.length))).toBe(money.length);
  expect(sum(statements.map((s) => s.totalFen))).toBe(sum(money.map((e) => e.amount)));
  for (const statement of statements) expect(sum(statement.rows.map((row) => row.amountFen))).toBe(statement.totalFen);

  // The month's totals per informant, grid and street reconcile with the ledger and with each other.
  const month = await cloud.get<Month>('settlementMonths', MONTH);
  const totals = month?.totals as Totals;
  expect(month).toMatchObject({ status: 'closed', informants: statements.length });
  expect(totals.totalFen).toBe(sum(money.map((e) => e.amount)));
  expect([sumOf(totals.byPerson), sumOf(totals.byGrid), sumOf(totals.byStreet)]).toEqual([
    totals.totalFen,
    totals.totalFen,
    totals.totalFen,
  ]);
  expect(totals.payableFen).toBe(sum(statements.map((s) => s.payableFen)));
  const gridOf = (grid: string) => sum(money.filter((e) => e.gridCode === grid).map((e) => e.amount));
  for (const grid of GRIDS) expect(totals.byGrid[grid]).toBe(gridOf(grid));
  expect(totals.byStreet['410399001']).toBe(sum(money.filter((e) => e.streetCode === '410399001').map((e) => e.amount)));
  for (const statement of statements) expect(totals.byPerson[statement.personId]).toBe(statement.totalFen);

  // Each statement's settlement entry takes its total out of the balance, once; a negative one is carried.
  const settlements = await cloud.find<Entry>('pointsLedger', { kind: 'settlement', monthKey: MONTH });
  expect(settlements).toHaveLength(statements.filter((s) => s.totalFen !== 0).length);
  for (const statement of statements.filter((s) => s.totalFen !== 0)) {
    expect(settlements.find((e) => e._id === `settlement:${statement.personId}:${MONTH}`)?.amount).toBe(-statement.totalFen);
  }
  const carries = await cloud.find<Entry>('pointsLedger', { kind: 'carry', monthKey: NEXT });
  expect(carries.map((e) => e.amount).sort()).toEqual(
    statements
      .filter((s) => s.totalFen < 0)
      .map((s) => s.totalFen)
      .sort(),
  );
}, 600_000);

it('settling again, twice and racing, changes nothing', async () => {
  const count = async () => [await cloud.count('pointsLedger', {}), await cloud.count('settlementStatements', {})];
  const [before, month] = [await count(), await cloud.get<Month>('settlementMonths', MONTH)];
  const later = FIRST_RUN + 6 * 60 * MINUTE;
  const runs = await Promise.all([fireAt(later), fireAt(later), fireAt(later + 10 * MINUTE)]);
  expect(runs.map((run) => [run.monthKey, run.status, run.settled, run.more])).toEqual(Array(3).fill([MONTH, 'closed', 0, false]));
  expect(await count()).toEqual(before);
  expect(await cloud.get<Month>('settlementMonths', MONTH)).toEqual(month);
}, 120_000);

it('locks the month: a reversal of its award, and money accepted after, count in the next month', async () => {
  const month = await cloud.get<Month>('settlementMonths', MONTH);
  const statement = await cloud.get<Statement>('settlementStatements', `${MONTH}:${LI_MING}`);
  const entriesBefore = await cloud.count('pointsLedger', { monthKey: MONTH });
  const after = await cloud.data<{ reversal: { id: string; monthKey: string } }>(
    'reverseAward',
    { reportId: reversedLater, cause: 'invalid', note: '核实为虚假上报' },
    DEMO.gridLeader,
  );
  expect(after.reversal).toMatchObject({ id: `reversal:${reversedLater}`, monthKey: NEXT });
  expect(await cloud.get<Entry>('pointsLedger', `reversal:${reversedLater}`)).toMatchObject({
    monthKey: NEXT,
    cause: 'invalid',
    reason: '核实为虚假上报',
    by: 'u-grid-leader-03',
  });
  lateAward = await acceptedReport();
  expect(await cloud.get<Entry>('pointsLedger', `award:${lateAward}`)).toMatchObject({ unit: 'fen', monthKey: NEXT });
  // Nothing of the settled month moved.
  expect(await cloud.get<Statement>('settlementStatements', `${MONTH}:${LI_MING}`)).toEqual(statement);
  expect(await cloud.get<Month>('settlementMonths', MONTH)).toEqual(month);
  expect(await cloud.count('pointsLedger', { monthKey: MONTH })).toBe(entriesBefore);
}, 120_000);

it('reverses once, only what was paid, and only for staff who may verify the case', async () => {
  const again = await cloud.call('reverseAward', { reportId: reversedLater, cause: 'invalid', note: '再来一次' }, DEMO.gridLeader);
  expect(again).toMatchObject({ ok: false, code: 'POINTS.ALREADY_REVERSED' });
  expect(await cloud.call('reverseAward', { reportId: lateAward, cause: 'invalid', note: '无效' }, DEMO.gridWorker)).toMatchObject({
    ok: false,
    code: 'REPORT.FORBIDDEN',
  });
  expect(await cloud.call('reverseAward', { reportId: lateAward, cause: 'invalid', note: ' ' }, DEMO.gridLeader)).toMatchObject({
    ok: false,
    code: 'REPORT.NOTE_REQUIRED',
  });
  const { report } = await cloud.data<{ report: { id: string } }>('submitReport', reportEvent(), DEMO.informant);
  expect(await cloud.call('reverseAward', { reportId: report.id, cause: 'invalid', note: '无效' }, DEMO.gridLeader)).toMatchObject({
    ok: false,
    code: 'POINTS.NOT_AWARDED',
  });
  const racing = await Promise.all(
    [DEMO.gridLeader, DEMO.communityCentre, DEMO.countyCentre].map((who) =>
      cloud.call('reverseAward', { reportId: lateAward, cause: 'duplicate', note: '重复' }, who),
    ),
  );
  expect(racing.filter((answer) => answer.ok)).toHaveLength(1);
  expect(await cloud.count('pointsLedger', { _id: `reversal:${lateAward}` })).toBe(1);
}, 120_000);

it('settles the next month with what landed there, reading on declared indexes: never a scan', async () => {
  const stats = cloud.testCloud.cloud.database.stats;
  const before = new Set(stats.recentScans);
  const firstOfAfter = Date.parse(`${nextMonthKey(NEXT)}-01T00:00:00+08:00`);
  expect(await fireAt(firstOfAfter)).toMatchObject({ monthKey: NEXT, status: 'waiting' });
  expect(await fireAt(firstOfAfter + 10 * MINUTE)).toMatchObject({ monthKey: NEXT, status: 'closed', more: false });
  const statement = await cloud.get<Statement>('settlementStatements', `${NEXT}:${LI_MING}`);
  const ids = statement?.rows.map((row) => row.entryId);
  expect(ids).toEqual(expect.arrayContaining([`reversal:${reversedLater}`, `award:${lateAward}`, `reversal:${lateAward}`]));
  const scans = stats.recentScans.filter(
    (scan) => !before.has(scan) && ['pointsLedger', 'settlementMonths', 'settlementStatements'].includes(scan.collection),
  );
  expect(scans.filter((scan) => scan.index === null)).toEqual([]);
  expect(scans).toContainEqual(expect.objectContaining({ collection: 'pointsLedger', index: 'x:pointsLedger:person_month' }));
}, 120_000);
