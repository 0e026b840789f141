import { DEMO, PLACES, draftKey, reportEvent, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';

/**
 * 工作考核 computed by the database: reports taken through the loop by the functions, then the figures of
 * the community's grids from performance.repository.ts (one aggregate: $match on the unit and period,
 * $group by grid over the facts every transition stores) against a recount from the raw events here.
 */
type Event = { type: string; at: number; rating?: { satisfaction: number } };
type Stored = { _id: string; status: string; regionPath: { grid: string }; terms: { handleLimitHours: number }; events: Event[] };

const GRID_03 = '410399001001-03';
const GRID_09 = '410399001001-09';
const COMMUNITY = '410399001001';
const WORKER_04 = 'o-demo-grid-worker-04'; // 薛淑华, grid -03

let cloud: FunctionsCloud;
let repository: typeof import('../../../cloudfunctions/src/performance/performance.repository');
beforeAll(async () => {
  cloud = await startFunctionsCloud();
  // Loaded after the SDK is pointed at this cloud (platform/sdk.ts initialises it on load).
  repository = await import('../../../cloudfunctions/src/performance/performance.repository');
}, 120_000);
afterAll(async () => cloud?.stop());

const step = async (name: string, event: Record<string, unknown>, openid: string) => cloud.data(name, event, openid);

async function submitted(location: readonly number[] = PLACES.demoGrid): Promise<string> {
  const { report } = await cloud.data<{ report: { id: string } }>('submitReport', reportEvent({ location }), DEMO.resident);
  return report.id;
}

/** A grid -03 case accepted, assigned to 薛淑华, started and resolved; `reworks` times sent back first. */
async function resolved(reworks = 0): Promise<string> {
  const reportId = await submitted();
  await step('acceptReport', { reportId }, DEMO.gridWorker);
  await step('assignReport', { reportId, to: { kind: 'person', personId: 'u-grid-worker-04' } }, DEMO.gridLeader);
  await step('startReport', { reportId }, WORKER_04);
  for (let n = 0; n <= reworks; n += 1) {
    await step('resolveReport', { reportId, note: '已处理', photos: [], uploadKey: draftKey() }, WORKER_04);
    if (n < reworks) await step('verifyReport', { reportId, decision: 'rework', note: '未清理干净' }, DEMO.gridLeader);
  }
  return reportId;
}

async function closedAndRated(satisfaction: number, reworks = 0): Promise<void> {
  const reportId = await resolved(reworks);
  await step('verifyReport', { reportId, decision: 'close' }, DEMO.gridLeader);
  await step('rateReport', { reportId, satisfaction }, DEMO.resident);
}

/** The figures' counts recounted from a report's raw timeline, by the rules of docs/DESIGN.md "工作考核". */
function recount(report: Stored) {
  const of = (type: string) => report.events.filter((event) => event.type === type);
  const closed = report.status === 'closed' || report.status === 'rated';
  const acceptedAt = of('accepted')[0]?.at;
  const resolvedAt = of('resolved').pop()?.at;
  const handled = closed && acceptedAt !== undefined && resolvedAt !== undefined;
  const latestRating = of('rated').pop()?.rating?.satisfaction;
  return {
    received: report.status === 'withdrawn' ? 0 : 1,
    accepted: acceptedAt === undefined ? 0 : 1,
    closed: closed ? 1 : 0,
    closedOnTime: handled && resolvedAt <= acceptedAt + report.terms.handleLimitHours * 3_600_000 ? 1 : 0,
    handlingMs: handled ? resolvedAt - acceptedAt : 0,
    reworked: closed && of('reworked').length > 0 ? 1 : 0,
    rated: latestRating === undefined ? 0 : 1,
    satisfied: latestRating !== undefined && latestRating >= 3 ? 1 : 0,
    escalated: of('escalated').length > 0 ? 1 : 0,
    supervised: of('supervised').length,
    supervisionAnswered: of('supervision_answered').length,
  };
}

function sumByGrid(reports: Stored[]): Record<string, Record<string, number>> {
  const byGrid: Record<string, Record<string, number>> = {};
  for (const report of reports) {
    const totals = (byGrid[report.regionPath.grid] ??= {});
    for (const [field, value] of Object.entries(recount(report))) totals[field] = (totals[field] ?? 0) + value;
  }
  return byGrid;
}

describe('工作考核 by the database', () => {
  it("answers a community's figures per grid equal to a recount of the raw events, reading the period's reports only", async () => {
    const from = Date.now();
    await closedAndRated(5);
    await closedAndRated(3, 1);
    await closedAndRated(2);
    const rejected = await submitted();
    await step('rejectReport', { reportId: rejected, reason: 'invalid' }, DEMO.gridWorker);
    const withdrawn = await submitted();
    await step('withdrawReport', { reportId: withdrawn }, DEMO.resident);
    await resolved(); // resolved, not yet verified
    const elsewhere = await submitted(PLACES.river); // grid -09
    await step('acceptReport', { reportId: elsewhere }, DEMO.gridWorkerElsewhere);
    const to = Date.now() + 1;

    const raw = await cloud.find<Stored>('reports', {
      'regionPath.community': COMMUNITY,
      submittedAt: cloud.db().command.gte(from).and(cloud.db().command.lt(to)),
    });
    expect(raw).toHaveLength(7);
    const units = await repository.performanceByUnit({ level: 'community', code: COMMUNITY, from, to });

    expect(Object.fromEntries(units.map((unit) => [unit.code, unit.totals]))).toEqual(sumByGrid(raw));
    // By hand: -03 received 5 of its 6 (one withdrawn), accepted 4 (not the rejected), closed 3 of them, 2 of 3 ratings satisfied.
    const grid03 = units.find((unit) => unit.code === GRID_03)?.figures;
    expect(grid03).toMatchObject({ received: 5, accepted: 4, closed: 3, closedPermille: 750, satisfiedPermille: 667, reworkPermille: 333 });
    expect(units.find((unit) => unit.code === GRID_09)?.figures).toMatchObject({
      received: 1,
      accepted: 1,
      closed: 0,
      closedPermille: 0,
      onTimePermille: null,
    });
  });

  it("reads only the asked unit's reports, through an index", async () => {
    const stats = cloud.testCloud.cloud.database.stats;
    const before = new Set(stats.recentScans);
    await repository.performanceByUnit({ level: 'grid', code: GRID_09, from: 0, to: Date.now() + 1 });
    const scans = stats.recentScans.filter((scan) => !before.has(scan) && scan.collection === 'reports');
    // The local cloud answers an aggregate's leading $match through an index's leading field (regionPath.grid),
    // then mingo applies the period; MongoDB would take grid_time's equality and range together.
    expect(scans).toHaveLength(1);
    expect(scans[0]?.index).not.toBeNull();
    expect(scans[0]?.rowsRead).toBe(await cloud.count('reports', { 'regionPath.grid': GRID_09 }));
    expect(scans[0]?.rowsRead).toBeLessThan(await cloud.count('reports', {}));
  });
});
