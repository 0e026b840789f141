import { nextMonthKey, shanghaiDayKey, shanghaiMonthKey } from '@pingan/shared';
import { DEMO, reportEvent, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';

/**
 * An informant's own standing through the built functions and the real SDK: informantHome's figures
 * against a generated set of money entries and real acceptances, myStatements and myStatement (only the
 * caller's, settled and provisional), and a reversal on the report's timeline, in caseActions and in
 * the reporter's ledger.
 */
let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
}, 180_000);
afterAll(async () => cloud?.stop());

type Home = {
  name: string;
  grids: { code: string; name: string }[];
  today: { dayKey: string; earnedFen: number; capFen: number; leftFen: number; reached: boolean };
  month: { monthKey: string; totalFen: number; awards: number };
  settlementDay: string;
  lastStatement?: { monthKey: string; payableFen: number };
};
type Row = { entryId: string; kind: string; amountFen: number; reportId?: string; categoryName?: string; cause?: string; reason?: string };
type Statement = { monthKey: string; settled: boolean; totalFen: number; payableFen: number; carriedFen: number; rows: Row[] };

const LI_MING = 'u-informant-01';
const HUANG = 'o-demo-informant-02'; // 黄晓峰, another informant
const MONTH = shanghaiMonthKey(Date.now());
const TODAY = shanghaiDayKey(Date.now());

/** A report of 李明's in grid -03 accepted by its 网格员 now: its id. */
async function acceptedReport(): Promise<string> {
  const { report } = await cloud.data<{ report: { id: string } }>('submitReport', reportEvent(), DEMO.informant);
  await cloud.data('acceptReport', { reportId: report.id }, DEMO.gridWorker);
  return report.id;
}

const home = () => cloud.data<Home>('informantHome', {}, DEMO.informant);

it('gives an informant their grids, today against the cap and the month so far, to the fen', async () => {
  const before = await home();
  expect(before.grids.map((grid) => grid.code).sort()).toEqual(['410399001001-02', '410399001001-03', '410399001001-04']);
  expect(before.grids.every((grid) => grid.name !== grid.code)).toBe(true);
  expect(before.today).toMatchObject({ dayKey: TODAY, capFen: 2000 });
  expect(before.settlementDay).toBe(`${nextMonthKey(MONTH)}-01`);

  // Money made today through the functions moves today's figure and the month's.
  const accepted = [await acceptedReport(), await acceptedReport()];
  const awards = await Promise.all(accepted.map((id) => cloud.get<{ amount: number }>('pointsLedger', `award:${id}`)));
  const acceptedFen = awards.reduce((sum, award) => sum + (award?.amount ?? 0), 0);
  expect(acceptedFen).toBeGreaterThan(0);

  // Generated entries: money counted in the month (awards, a reversal, an adjustment, a carry) and what
  // must not count in it (another month, points, someone else's money, a settlement).
  const entry = (id: string, fields: Record<string, unknown>) => ({
    _id: id,
    personId: LI_MING,
    unit: 'fen',
    at: 1,
    dayKey: `${MONTH}-01`,
    monthKey: MONTH,
    ...fields,
  });
  const counted = [
    entry('award:gen-a', { kind: 'award', amount: 300, reportId: 'gen-a', basis: 'informant' }),
    entry('award:gen-b', { kind: 'award', amount: 500, reportId: 'gen-b', basis: 'informant' }),
    entry('reversal:gen-b', {
      kind: 'reversal',
      amount: -500,
      reportId: 'gen-b',
      cause: 'duplicate',
      reason: '重复',
      by: 'u-grid-leader-03',
    }),
    entry(`adjustment:${LI_MING}:gen`, { kind: 'adjustment', amount: 120, reason: '补发', by: 'u-centre-01' }),
    entry(`carry:${LI_MING}:${MONTH}`, { kind: 'carry', amount: -70 }),
  ];
  const ignored = [
    entry('award:gen-old', { kind: 'award', amount: 400, monthKey: '2020-01', dayKey: '2020-01-05', reportId: 'gen-old' }),
    entry('award:gen-pt', { kind: 'award', unit: 'point', amount: 7, reportId: 'gen-pt', basis: 'resident' }),
    entry('award:gen-other', { kind: 'award', amount: 500, personId: 'u-informant-02', reportId: 'gen-other' }),
    entry(`settlement:${LI_MING}:2020-01`, { kind: 'settlement', amount: -400, monthKey: '2020-01' }),
  ];
  for (const doc of [...counted, ...ignored]) await cloud.db().collection('pointsLedger').add({ data: doc });

  const after = await home();
  expect(after.today.earnedFen).toBe(before.today.earnedFen + acceptedFen);
  expect(after.today.leftFen).toBe(Math.max(0, 2000 - after.today.earnedFen));
  expect(after.month.totalFen).toBe(before.month.totalFen + acceptedFen + 300 + 500 - 500 + 120 - 70);
  expect(after.month.awards).toBe(before.month.awards + 2 + 2);
}, 180_000);

it('is for informants only', async () => {
  expect(await cloud.call('informantHome', {}, DEMO.resident)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  expect(await cloud.call('informantHome', {}, DEMO.gridWorker)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
});

it("lists only the caller's settled statements, newest first, and shows one month settled or provisional", async () => {
  const statement = (personId: string, monthKey: string, at: number, totalFen: number) => ({
    _id: `${monthKey}:${personId}`,
    personId,
    name: personId,
    monthKey,
    rows: [
      {
        entryId: `award:s-${monthKey}-${personId}`,
        dayKey: `${monthKey}-03`,
        kind: 'award',
        amountFen: totalFen,
        reportId: `s-${monthKey}`,
        basis: 'informant',
      },
    ],
    totalFen,
    payableFen: Math.max(0, totalFen),
    carriedFen: Math.min(0, totalFen),
    entryIds: [],
    at,
  });
  const docs = [
    statement(LI_MING, '2021-01', Date.parse('2021-02-01T00:10:00+08:00'), 250),
    statement(LI_MING, '2021-02', Date.parse('2021-03-01T00:10:00+08:00'), -150),
    statement('u-informant-02', '2021-03', Date.parse('2021-04-01T00:10:00+08:00'), 900),
  ];
  for (const doc of docs) await cloud.db().collection('settlementStatements').add({ data: doc });

  const first = await cloud.data<{ statements: { monthKey: string }[]; nextCursor: string | null }>(
    'myStatements',
    { limit: 1 },
    DEMO.informant,
  );
  expect(first.statements.map((s) => s.monthKey)).toEqual(['2021-02']);
  const second = await cloud.data<{ statements: { monthKey: string; payableFen: number }[]; nextCursor: string | null }>(
    'myStatements',
    { limit: 1, cursor: first.nextCursor },
    DEMO.informant,
  );
  expect(second.statements).toEqual([expect.objectContaining({ monthKey: '2021-01', payableFen: 250 })]);
  expect(second.nextCursor).toBeNull();
  const huang = await cloud.data<{ statements: { monthKey: string }[] }>('myStatements', {}, HUANG);
  expect(huang.statements.map((s) => s.monthKey)).toEqual(['2021-03']);
  expect((await home()).lastStatement).toMatchObject({ monthKey: '2021-02', payableFen: 0 });

  const settled = await cloud.data<{ statement: Statement }>('myStatement', { monthKey: '2021-02' }, DEMO.informant);
  expect(settled.statement).toMatchObject({ settled: true, totalFen: -150, payableFen: 0, carriedFen: -150, rows: [{ amountFen: -150 }] });
  // Someone else's month is not the caller's: 黄晓峰 asking for 2021-02 sees his own (nothing).
  const notHis = await cloud.data<{ statement: Statement }>('myStatement', { monthKey: '2021-02' }, HUANG);
  expect(notHis.statement).toMatchObject({ settled: false, totalFen: 0, rows: [] });

  // This month so far: provisional, the same figures informantHome gives, each award with its category.
  const current = (await cloud.data<{ statement: Statement }>('myStatement', { monthKey: MONTH }, DEMO.informant)).statement;
  expect(current.settled).toBe(false);
  expect(current.totalFen).toBe((await home()).month.totalFen);
  expect(current.rows.reduce((sum, row) => sum + row.amountFen, 0)).toBe(current.totalFen);
  expect(current.payableFen).toBe(Math.max(0, current.totalFen));
  expect(current.rows.find((row) => row.entryId === 'reversal:gen-b')).toMatchObject({
    kind: 'reversal',
    cause: 'duplicate',
    reason: '重复',
  });
  expect(
    current.rows.filter((row) => row.kind === 'award' && !row.reportId?.startsWith('gen')).every((row) => row.categoryName === '环境卫生'),
  ).toBe(true);
}, 120_000);

it("puts a reversal on the report's timeline for its reporter and staff (not a follower), offered only to those who may", async () => {
  const reportId = await acceptedReport();
  type Actions = { moves: string[]; award?: { unit: string; amount: number } };
  const leader = await cloud.data<Actions>('caseActions', { reportId }, DEMO.gridLeader);
  const award = await cloud.get<{ unit: string; amount: number }>('pointsLedger', `award:${reportId}`);
  expect(leader.moves).toContain('reverseAward');
  expect(leader.award).toEqual({ unit: award?.unit, amount: award?.amount });
  expect((await cloud.data<Actions>('caseActions', { reportId }, DEMO.gridWorker)).moves).not.toContain('reverseAward');

  // A neighbour follows the case (我也遇到): she reads its progress, not what it paid its reporter.
  await cloud.data('followReport', { reportId }, DEMO.otherResident);
  await cloud.data('reverseAward', { reportId, cause: 'invalid', note: '现场核实没有杂物' }, DEMO.gridLeader);
  type Detail = { status: string; events: { type: string; note?: string; reversalCause?: string; actor?: { name: string } }[] };
  for (const viewer of [DEMO.informant, DEMO.gridWorker]) {
    const { report: detail } = await cloud.data<{ report: Detail }>('reportDetail', { reportId }, viewer);
    expect(detail.status).toBe('accepted');
    expect(detail.events.at(-1)).toMatchObject({
      type: 'award_reversed',
      reversalCause: 'invalid',
      note: '现场核实没有杂物',
      actor: { name: '陈志强' },
    });
  }
  const { report: followed } = await cloud.data<{ report: Detail }>('reportDetail', { reportId }, DEMO.otherResident);
  expect(followed.events.map((event) => event.type)).toEqual(['submitted', 'accepted']);
  expect((await cloud.data<Actions>('caseActions', { reportId }, DEMO.gridLeader)).moves).not.toContain('reverseAward');
  // The case still moves on: the event moved its version with it.
  await cloud.data('assignReport', { reportId, to: { kind: 'person', personId: 'u-grid-worker-03' } }, DEMO.gridWorker);

  type Points = { entries: { id: string; kind: string; amount: number; cause?: string; reason?: string }[] };
  const ledger = await cloud.data<Points>('myPoints', { limit: 50 }, DEMO.informant);
  expect(ledger.entries.find((e) => e.id === `reversal:${reportId}`)).toMatchObject({
    kind: 'reversal',
    amount: -(award?.amount ?? 0),
    cause: 'invalid',
    reason: '现场核实没有杂物',
  });
}, 120_000);
