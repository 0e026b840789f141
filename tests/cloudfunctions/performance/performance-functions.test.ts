import { parse } from 'csv-parse/sync';
import { RUNNING_CLOCK_STATUSES, performanceFigures, permilleText, type PerformanceRow, type PerformanceTrendPoint } from '@pingan/shared';
import { DEMO, PLACES, draftKey, reportEvent, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';

/**
 * 工作考核 through the functions and the real SDK: a small history made by the functions themselves, then
 * `performance` (per grid, per worker), `performanceTrend` and `performanceCsv` against a recount here from
 * each report's raw timeline — never from the facts the transitions store beside it.
 */
type Event = { type: string; at: number; actorId: string; rating?: { satisfaction: number } };
type Stored = {
  _id: string;
  status: string;
  submittedAt: number;
  regionPath: { grid?: string };
  assignee?: { kind: string; personId?: string };
  terms: { handleLimitHours: number };
  deadlineAt: number;
  redAt: number;
  events: Event[];
};
type Table = { unit: { level: string; code: string; name: string }; total: PerformanceRow; rows: PerformanceRow[] };

const COMMUNITY = '410399001001'; // 城关社区
const GRID_03 = '410399001001-03';
const GRID_09 = '410399001001-09';
const WORKER_04 = 'o-demo-grid-worker-04'; // 薛淑华, grid -03
const HOUR = 3_600_000;

let cloud: FunctionsCloud;
let from: number;
let to: number;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
  from = Date.now();
  await history();
  to = Date.now() + 1;
}, 600_000);
afterAll(async () => cloud?.stop());

const step = async (name: string, event: Record<string, unknown>, openid: string) => cloud.data(name, event, openid);

async function submitted(location: readonly number[] = PLACES.demoGrid): Promise<string> {
  const { report } = await cloud.data<{ report: { id: string } }>('submitReport', reportEvent({ location }), DEMO.resident);
  return report.id;
}

/** Accepted by 赵丽, assigned to 薛淑华 by 陈志强, resolved by her (sent back `reworks` times first), closed, rated. */
async function closedAndRated(satisfaction: number, reworks = 0): Promise<void> {
  const reportId = await submitted();
  await step('acceptReport', { reportId }, DEMO.gridWorker);
  await step('assignReport', { reportId, to: { kind: 'person', personId: 'u-grid-worker-04' } }, DEMO.gridLeader);
  await step('startReport', { reportId }, WORKER_04);
  for (let n = 0; n <= reworks; n += 1) {
    await step('resolveReport', { reportId, note: '已处理', photos: [], uploadKey: draftKey() }, WORKER_04);
    if (n < reworks) await step('verifyReport', { reportId, decision: 'rework', note: '未清理干净' }, DEMO.gridLeader);
  }
  await step('verifyReport', { reportId, decision: 'close' }, DEMO.gridLeader);
  await step('rateReport', { reportId, satisfaction }, DEMO.resident);
}

/** Grid -03: two closed (one reworked), a rejection, a withdrawal, an escalation under the county's 督办 answered by
 * the community, one nobody looked at; grid -09: one accepted by 钱建华. */
async function history(): Promise<void> {
  await closedAndRated(5);
  await closedAndRated(2, 1);
  await step('rejectReport', { reportId: await submitted(), reason: 'invalid' }, DEMO.gridWorker);
  await step('withdrawReport', { reportId: await submitted() }, DEMO.resident);
  const escalated = await submitted();
  await step('acceptReport', { reportId: escalated }, DEMO.gridWorker);
  await step('escalateReport', { reportId: escalated, reason: '需社区协调' }, DEMO.gridWorker);
  await step('superviseReport', { reportId: escalated, note: '请三日内办结' }, DEMO.countyCentre);
  await step('answerSupervision', { reportId: escalated, note: '已安排' }, DEMO.communityCentre);
  await submitted();
  await step('acceptReport', { reportId: await submitted(PLACES.river) }, DEMO.gridWorkerElsewhere);
}

// ---- the recount, from the raw timeline by the rules of docs/DESIGN.md "工作考核" ----

const of = (report: Stored, type: string) => report.events.filter((event) => event.type === type);

function recount(report: Stored): Record<string, number> {
  const closed = report.status === 'closed' || report.status === 'rated';
  const acceptedAt = of(report, 'accepted')[0]?.at;
  const resolvedAt = of(report, 'resolved').pop()?.at;
  const handled = closed && acceptedAt !== undefined && resolvedAt !== undefined;
  const latestRating = of(report, 'rated').pop()?.rating?.satisfaction;
  return {
    received: report.status === 'withdrawn' ? 0 : 1,
    accepted: acceptedAt === undefined ? 0 : 1,
    closed: closed ? 1 : 0,
    closedOnTime: handled && resolvedAt <= acceptedAt + report.terms.handleLimitHours * HOUR ? 1 : 0,
    handlingMs: handled ? resolvedAt - acceptedAt : 0,
    reworked: closed && of(report, 'reworked').length > 0 ? 1 : 0,
    rated: latestRating === undefined ? 0 : 1,
    satisfied: latestRating !== undefined && latestRating >= 3 ? 1 : 0,
    escalated: of(report, 'escalated').length > 0 ? 1 : 0,
    supervised: of(report, 'supervised').length,
    supervisionAnswered: of(report, 'supervision_answered').length,
  };
}

/** Who each recounted fact is for: the screener, the latest resolver, the first escalator, the case's holder. */
function workerOf(report: Stored, field: string): string | undefined {
  const screener = (of(report, 'accepted')[0] ?? of(report, 'rejected')[0])?.actorId;
  const resolver = of(report, 'resolved').pop()?.actorId;
  if (field === 'received' || field === 'accepted') return screener;
  if (field === 'escalated') return of(report, 'escalated')[0]?.actorId;
  if (field === 'supervised' || field === 'supervisionAnswered') return report.assignee?.personId ?? resolver ?? screener;
  return resolver;
}

type Sums = Record<string, Record<string, number>>;
function add(sums: Sums, key: string | undefined, field: string, value: number): void {
  if (key === undefined) return;
  const totals = (sums[key] ??= {});
  totals[field] = (totals[field] ?? 0) + value;
}
const zeros = () => Object.fromEntries(Object.keys(recount({ status: 'x', events: [] } as unknown as Stored)).map((f) => [f, 0]));
const figuresOf = (sums: Record<string, number> | undefined) => performanceFigures({ ...zeros(), ...sums } as never);

function recountBy(reports: Stored[], keyOf: (report: Stored, field: string) => string | undefined): Sums {
  const sums: Sums = {};
  for (const report of reports) for (const [field, value] of Object.entries(recount(report))) add(sums, keyOf(report, field), field, value);
  return sums;
}

async function rawReports(level: string, code: string, start: number, end: number): Promise<Stored[]> {
  const _ = cloud.db().command;
  return cloud.find<Stored>('reports', { [`regionPath.${level}`]: code, submittedAt: _.gte(start).and(_.lt(end)) });
}

/** Running cases now per key: all, past the deadline, red (the light's boundaries: light-bounds.ts). */
function openBy(reports: Stored[], keyOf: (report: Stored) => string | undefined, now: number): Sums {
  const sums: Sums = {};
  for (const report of reports.filter((r) => (RUNNING_CLOCK_STATUSES as readonly string[]).includes(r.status))) {
    add(sums, keyOf(report), 'running', 1);
    add(sums, keyOf(report), 'overdue', report.deadlineAt < now ? 1 : 0);
    add(sums, keyOf(report), 'red', report.redAt < now ? 1 : 0);
  }
  return sums;
}
const openOf = (sums: Record<string, number> | undefined) => ({ running: 0, overdue: 0, red: 0, ...sums });

const ask = <T>(name: string, event: Record<string, unknown>, openid: string = DEMO.communityCentre) => cloud.data<T>(name, event, openid);

describe('performance: a unit’s figures', () => {
  it('lists every grid of the community, each equal to a recount of its raw timelines, and the whole as the total', async () => {
    const table = await ask<Table>('performance', { level: 'community', code: COMMUNITY, from, to, by: 'units' });
    const now = Date.now();
    const raw = await rawReports('community', COMMUNITY, from, to);
    expect(raw).toHaveLength(7);
    const grids = await cloud.find<{ code: string; name: string }>('regions', { level: 'grid', parentCode: COMMUNITY });
    expect(table.unit).toEqual({ level: 'community', code: COMMUNITY, name: '城关社区' });
    expect(table.rows.map((row) => row.code)).toEqual(grids.map((grid) => grid.code).sort());
    const byGrid = recountBy(raw, (report) => report.regionPath.grid);
    const running = await cloud.find<Stored>('reports', { 'regionPath.community': COMMUNITY });
    const openByGrid = openBy(running, (report) => report.regionPath.grid, now);
    for (const row of table.rows) {
      expect(row.name).toBe(grids.find((grid) => grid.code === row.code)?.name);
      expect(row.figures).toEqual(figuresOf(byGrid[row.code]));
      expect(row.open).toEqual(openOf(openByGrid[row.code]));
    }
    expect(table.total.figures).toEqual(figuresOf(recountBy(raw, () => 'all').all));
    // By hand: -03 received 5 of its 6 (one withdrawn), accepted 3, closed 2, one of two verdicts satisfied.
    expect(table.rows.find((row) => row.code === GRID_03)?.figures).toMatchObject({
      received: 5,
      accepted: 3,
      closed: 2,
      closedPermille: 667,
      satisfiedPermille: 500,
      reworkPermille: 500,
      escalated: 1,
      supervised: 1,
      supervisionAnsweredPermille: 1000,
    });
    expect(table.rows.find((row) => row.code === GRID_09)?.open.running).toBeGreaterThanOrEqual(1);
    // A grid with no reports is listed with zeros and "—" (null), not left out.
    const quiet = table.rows.find((row) => !byGrid[row.code]);
    expect(quiet?.figures).toMatchObject({ received: 0, validReportPermille: null, averageHandlingHours: null });
  });

  it('answers each worker’s figures as the recount attributes them, named from users, with the unit’s whole as the total', async () => {
    const table = await ask<Table>('performance', { level: 'community', code: COMMUNITY, from, to, by: 'workers' });
    const now = Date.now();
    const raw = await rawReports('community', COMMUNITY, from, to);
    const byWorker = recountBy(raw, workerOf);
    const running = await cloud.find<Stored>('reports', { 'regionPath.community': COMMUNITY });
    const openByWorker = openBy(running, (report) => report.assignee?.personId, now);
    const people = new Set([...Object.keys(byWorker), ...Object.keys(openByWorker)]);
    expect(new Set(table.rows.map((row) => row.code))).toEqual(people);
    for (const row of table.rows) {
      expect(row.figures).toEqual(figuresOf(byWorker[row.code]));
      expect(row.open).toEqual(openOf(openByWorker[row.code]));
    }
    expect(table.rows.find((row) => row.code === 'u-grid-worker-03')).toMatchObject({
      name: '赵丽',
      figures: { received: 4, accepted: 3 },
    });
    expect(table.rows.find((row) => row.code === 'u-grid-worker-04')).toMatchObject({
      name: '薛淑华',
      figures: { closed: 2, reworkPermille: 500, rated: 2, satisfiedPermille: 500 },
    });
    expect(table.total.figures).toEqual(figuresOf(recountBy(raw, () => 'all').all));
  });

  it('answers a period without reports as zeros and nulls ("—"), never 0 %', async () => {
    const table = await ask<Table>('performance', { level: 'grid', code: GRID_03, from: 0, to: 86_400_000, by: 'units' });
    expect(table.rows.map((row) => row.code)).toEqual([GRID_03]);
    expect(table.total.figures).toEqual(figuresOf({}));
    expect(table.total.figures.closedPermille).toBeNull();
    expect(table.total.figures.averageHandlingHours).toBeNull();
  });

  it('reads the reports through indexes only', async () => {
    const stats = cloud.testCloud.cloud.database.stats;
    const before = new Set(stats.recentScans);
    await ask<Table>('performance', { level: 'county', code: '410399', from, to, by: 'workers' }, DEMO.countyCentre);
    const scans = stats.recentScans.filter((scan) => !before.has(scan));
    expect(scans.filter((scan) => scan.collection === 'reports').length).toBeGreaterThanOrEqual(2);
    for (const scan of scans)
      expect({ collection: scan.collection, index: scan.index }).toEqual({ collection: scan.collection, index: expect.any(String) });
  });
});

describe('performanceTrend', () => {
  it('answers the last months (Asia/Shanghai), oldest first, each equal to a recount of the reports submitted in it', async () => {
    const { points } = await ask<{ points: PerformanceTrendPoint[] }>('performanceTrend', {
      level: 'community',
      code: COMMUNITY,
      months: 3,
    });
    expect(points).toHaveLength(3);
    const current = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 7);
    expect(points[2]?.month).toBe(current);
    expect(points[0]?.to).toBe(points[1]?.from);
    for (const point of points) {
      const raw = await rawReports('community', COMMUNITY, point.from, point.to);
      expect({ month: point.month, figures: point.figures }).toEqual({
        month: point.month,
        figures: figuresOf(recountBy(raw, () => 'all').all),
      });
    }
    expect(points[2]?.figures.received).toBeGreaterThanOrEqual(6);
  });
});

describe('performanceCsv', () => {
  it('answers the table as a CSV Excel opens: BOM, CRLF, Chinese headers, the figures as the table has them, a 合计 row', async () => {
    const request = { level: 'community', code: COMMUNITY, from, to, by: 'units' };
    const [table, file] = await Promise.all([
      ask<Table>('performance', request),
      ask<{ filename: string; csv: string }>('performanceCsv', request),
    ]);
    expect(
      file.csv.startsWith(
        '\uFEFF单位,收件,受理,有效上报率,办结,办结率,按期办结率,评价,满意率,平均办理时长(小时),返工率,上报上级,督办,督办回复,督办回复率,在办,已超时,红灯\r\n',
      ),
    ).toBe(true);
    expect(file.csv.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const records = parse(file.csv, { bom: true, columns: true }) as Record<string, string>[];
    const expected = [...table.rows, { ...table.total, name: '合计' }].map((row) => ({
      单位: row.name,
      收件: String(row.figures.received),
      受理: String(row.figures.accepted),
      有效上报率: permilleText(row.figures.validReportPermille),
      办结: String(row.figures.closed),
      办结率: permilleText(row.figures.closedPermille),
      按期办结率: permilleText(row.figures.onTimePermille),
      评价: String(row.figures.rated),
      满意率: permilleText(row.figures.satisfiedPermille),
      '平均办理时长(小时)': row.figures.averageHandlingHours === null ? '—' : row.figures.averageHandlingHours.toFixed(1),
      返工率: permilleText(row.figures.reworkPermille),
      上报上级: String(row.figures.escalated),
      督办: String(row.figures.supervised),
      督办回复: String(row.figures.supervisionAnswered),
      督办回复率: permilleText(row.figures.supervisionAnsweredPermille),
      在办: String(row.open.running),
      已超时: String(row.open.overdue),
      红灯: String(row.open.red),
    }));
    expect(records).toEqual(expected);
    expect(records.find((record) => record['单位'] === '城关社区第3网格')?.['办结率']).toBe('66.7%');
    expect(file.filename).toMatch(/^工作考核_城关社区_\d{4}-\d{2}-\d{2}至\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('names a whole month’s file by the month, and writes "—" for a rate with nothing to divide by', async () => {
    const file = await ask<{ filename: string; csv: string }>(
      'performanceCsv',
      { level: 'grid', code: GRID_03, from: Date.UTC(2020, 0, 1) - 8 * HOUR, to: Date.UTC(2020, 1, 1) - 8 * HOUR, by: 'workers' },
      DEMO.gridLeader,
    );
    expect(file.filename).toBe('工作考核_城关社区第3网格_人员_2020-01.csv');
    const [total] = parse(file.csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(total).toMatchObject({ 人员: '合计', 收件: '0', 有效上报率: '—', 满意率: '—', '平均办理时长(小时)': '—' });
  });
});

describe('who may ask', () => {
  const month = { from: Date.UTC(2026, 10, 1), to: Date.UTC(2026, 11, 1), by: 'units' };
  it.each([
    ['a community centre, another community', DEMO.communityCentre, { level: 'community', code: '410399001002' }],
    ['a community centre, its street', DEMO.communityCentre, { level: 'street', code: '410399001' }],
    ['a 网格长, another grid', DEMO.gridLeader, { level: 'grid', code: GRID_09 }],
    ['a 网格长, the community of their grid', DEMO.gridLeader, { level: 'community', code: COMMUNITY }],
    ['a 网格员, their own grid', DEMO.gridWorker, { level: 'grid', code: GRID_03 }],
    ['a centre, a code at the wrong level', DEMO.countyCentre, { level: 'street', code: COMMUNITY }],
  ])('refuses %s, for the figures, the trend and the file', async (_who, openid, unit) => {
    for (const [name, event] of [
      ['performance', { ...unit, ...month }],
      ['performanceCsv', { ...unit, ...month }],
      ['performanceTrend', { ...unit, months: 2 }],
    ] as const) {
      expect(await cloud.call(name, event, openid)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });

  it.each([
    ['the county centre, a community', DEMO.countyCentre, { level: 'community', code: COMMUNITY }],
    ['a community centre, one of its grids', DEMO.communityCentre, { level: 'grid', code: GRID_09 }],
    ['a 网格长, their own grid', DEMO.gridLeader, { level: 'grid', code: GRID_03 }],
  ])('answers %s', async (_who, openid, unit) => {
    expect(await cloud.call('performance', { ...unit, ...month }, openid)).toMatchObject({ ok: true });
  });
});
