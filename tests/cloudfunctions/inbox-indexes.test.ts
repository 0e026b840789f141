import { DUE_SOON_HOURS } from '@pingan/shared';
import { DEMO, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { seedCaseDocs, type SeedCase } from './helpers/seeded-cases';

/**
 * Every inbox query and every workbench count on a declared index, proven on 10,000 reports: the local
 * cloud's scan report (database.stats.recentScans) names the index each query used and the documents it
 * read — a page reads at most limit + 1 whatever the filters, a count reads none. Grid A holds 60 open
 * cases and 3,000 closed ones; the rest of the county 6,940 more.
 */
const A = '410399001001-03';
const B = '410399001001-09';
const ZHAO = 'u-grid-worker-03';
const XUE = 'u-grid-worker-04';
const LIMIT = 10;
const CATEGORIES = ['HJWS', 'ZAXS', 'XFYH', 'JGQS'];
const OPEN = ['submitted', 'accepted', 'assigned', 'in_progress', 'resolved'];
/** 办理中, the workbench's tile and the inbox's `status: 'handling'`. */
const HANDLING = ['accepted', 'assigned', 'in_progress'];
const ASSIGNED = new Set(['assigned', 'in_progress', 'resolved', 'closed']);

type Scan = { collection: string; index: string | null; rowsRead: number };
type Item = { id: string };
type Page = { items: Item[]; nextCursor: string | null };

let cloud: FunctionsCloud;
const seeds: SeedCase[] = [];
/** When the seeds' clocks were set: their deadlines are this plus their hours. */
let seededAt = 0;

/**
 * Grid A's open case n: every status, category, assignee and light. Deadlines at −47 … +43 h (distinct by
 * seconds), each at least 2.9 h from now and from turning red, so no light changes while the test runs.
 */
function openCase(n: number): SeedCase {
  const status = OPEN[n % 5] as string;
  const assigned = ASSIGNED.has(status);
  return {
    id: `ia-${String(n).padStart(3, '0')}`,
    grid: A,
    status,
    categoryCode: CATEGORIES[n % 4],
    dueInHours: -47 + 10 * (n % 10) + n / 600,
    redAfterHours: [4, 12, 24][n % 3],
    supportCount: (n * 7) % 13,
    ...(assigned && { assigneeId: n % 2 ? ZHAO : XUE }),
    ...(status === 'resolved' && { resolvedBy: ZHAO }),
  };
}

beforeAll(async () => {
  cloud = await startFunctionsCloud();
  const grids = (await cloud.find<{ _id: string }>('regions', { level: 'grid' })).map((g) => g._id).filter((g) => g !== A && g !== B);
  for (let n = 0; n < 60; n += 1) seeds.push(openCase(n));
  for (let n = 0; n < 3000; n += 1)
    seeds.push({
      id: `ic-${n}`,
      grid: A,
      status: n % 2 ? 'closed' : 'rated',
      categoryCode: CATEGORIES[n % 4],
      dueInHours: -1000 + n / 10,
      assigneeId: ZHAO,
    });
  for (let n = 0; n < 6940; n += 1) {
    const status = ['submitted', 'accepted', 'in_progress', 'closed', 'rated'][n % 5] as string;
    seeds.push({
      id: `io-${n}`,
      grid: grids[n % grids.length] as string,
      status,
      categoryCode: CATEGORIES[n % 4],
      dueInHours: -40 + (n % 80),
      ...(ASSIGNED.has(status) && { assigneeId: 'u-someone' }),
    });
  }
  seededAt = Date.now();
  await seedCaseDocs(cloud, seeds, seededAt);
}, 300_000);
afterAll(async () => cloud?.stop());

/** The scans of `reports` a call made. */
async function scansOf<T>(call: () => Promise<T>): Promise<{ result: T; scans: Scan[] }> {
  const stats = cloud.testCloud.cloud.database.stats;
  const before = new Set(stats.recentScans);
  const result = await call();
  return { result, scans: stats.recentScans.filter((scan) => !before.has(scan) && scan.collection === 'reports') };
}

/**
 * What the inbox must list, from the seeds by the rules docs/DESIGN.md "The inbox and the workbench" states:
 * for grid A's worker (赵丽, `me`) by default, or for another scope.
 */
function expected(filters: Record<string, unknown>, now: number, inScope: (s: SeedCase) => boolean = (s) => s.grid === A): string[] {
  const statuses = filters.status === undefined ? OPEN : filters.status === 'handling' ? HANDLING : [filters.status];
  const running = ['submitted', 'accepted', 'assigned', 'in_progress'];
  const deadlineOf = (s: SeedCase) => seededAt + s.dueInHours * 3_600_000;
  const due = (s: SeedCase) =>
    filters.due === 'soon' ? deadlineOf(s) >= now && deadlineOf(s) < now + DUE_SOON_HOURS * 3_600_000 : deadlineOf(s) < now;
  const light = (s: SeedCase) => {
    const deadline = deadlineOf(s);
    return deadline >= now ? 'green' : deadline + (s.redAfterHours ?? 24) * 3_600_000 >= now ? 'yellow' : 'red';
  };
  const assignee = filters.assignee === 'me' ? ZHAO : (filters.assignee as { personId?: string } | undefined)?.personId;
  const rows = seeds.filter(
    (s) =>
      inScope(s) &&
      statuses.includes(s.status) &&
      (filters.light === undefined || (running.includes(s.status) && light(s) === filters.light)) &&
      (filters.due === undefined || (running.includes(s.status) && due(s))) &&
      (filters.categoryCode === undefined || s.categoryCode === filters.categoryCode) &&
      (filters.assignee !== 'none' || !ASSIGNED.has(s.status)) &&
      (assignee === undefined || s.assigneeId === assignee),
  );
  const bySupport = (a: SeedCase, b: SeedCase) => (b.supportCount ?? 0) - (a.supportCount ?? 0) || (a.id < b.id ? 1 : -1);
  const byUrgency = (a: SeedCase, b: SeedCase) => a.dueInHours - b.dueInHours || (a.id < b.id ? -1 : 1);
  return rows.sort(filters.sort === 'support' ? bySupport : byUrgency).map((s) => s.id);
}

const STATUS = [undefined, 'submitted', 'in_progress', 'resolved', 'closed'];
const LIGHT = [undefined, 'green', 'yellow', 'red'];
const CATEGORY = [undefined, 'HJWS'];
const ASSIGNEE = [undefined, 'me', 'none', { personId: XUE }];
const SORT = ['urgency', 'support'];
/** Every combination of the values given for each filter, the undefined ones left out. */
function combinations(values: Record<string, unknown[]>): Record<string, unknown>[] {
  return Object.entries(values).reduce<Record<string, unknown>[]>(
    (sets, [key, options]) => sets.flatMap((set) => options.map((value) => (value === undefined ? set : { ...set, [key]: value }))),
    [{}],
  );
}
/**
 * The workbench tiles' filters (办理中's status group, 即将超时 and 已超时) with the others: a seed lies 3 h
 * ahead (due soon, ≥ 0.9 h from either edge) and others 7 … 47 h behind (overdue).
 */
const COMBINATIONS = [
  ...combinations({ status: STATUS, light: LIGHT, categoryCode: CATEGORY, assignee: ASSIGNEE, sort: SORT }),
  ...combinations({ status: ['handling'], light: LIGHT, assignee: [undefined, 'me', 'none'], sort: SORT }),
  ...combinations({
    status: [undefined, 'handling', 'resolved'],
    due: ['soon', 'overdue'],
    light: [undefined, 'green', 'yellow'],
    assignee: [undefined, 'me', 'none'],
    sort: SORT,
  }),
];

describe('the inbox on 10,000 reports', () => {
  it(`answers each of ${COMBINATIONS.length} filter combinations from its index, reading at most a page`, async () => {
    const unindexed: string[] = [];
    for (const filters of COMBINATIONS) {
      const now = Date.now();
      const { result, scans } = await scansOf(() => cloud.data<Page>('inbox', { ...filters, limit: LIMIT }, DEMO.gridWorker));
      const want = expected(filters, now);
      expect({ filters, ids: result.items.map((i) => i.id) }).toEqual({ filters, ids: want.slice(0, LIMIT) });
      expect(result.nextCursor !== null).toBe(want.length > LIMIT);
      // A combination that cannot match (a light on a resolved case, nobody's in_progress case) asks nothing.
      if (scans.length === 0) continue;
      expect(scans).toHaveLength(1);
      const index = filters.sort === 'support' ? 'x:reports:owner_status_support' : 'x:reports:owner_status_deadline';
      if (scans[0]?.index !== index) unindexed.push(`${JSON.stringify(filters)}: ${String(scans[0]?.index)}`);
      expect(scans[0]?.rowsRead).toBeLessThanOrEqual(LIMIT + 1);
    }
    expect(unindexed).toEqual([]);
  }, 300_000);

  it('answers the county centre’s area (every report) for each filter from county_status_deadline, reading at most a page', async () => {
    const unindexed: string[] = [];
    for (const filters of COMBINATIONS.filter((f) => f.sort === 'urgency')) {
      const now = Date.now();
      const request = { ...filters, scope: 'area', limit: LIMIT };
      const { result, scans } = await scansOf(() => cloud.data<Page>('inbox', request, DEMO.countyCentre));
      const want = expected(
        { ...filters, assignee: filters.assignee === 'me' ? { personId: 'u-centre-01' } : filters.assignee },
        now,
        () => true,
      );
      expect({ filters, ids: result.items.map((i) => i.id) }).toEqual({ filters, ids: want.slice(0, LIMIT) });
      if (scans.length === 0) continue;
      expect(scans).toHaveLength(1);
      if (scans[0]?.index !== 'x:reports:county_status_deadline') unindexed.push(`${JSON.stringify(filters)}: ${String(scans[0]?.index)}`);
      expect(scans[0]?.rowsRead).toBeLessThanOrEqual(LIMIT + 1);
    }
    expect(unindexed).toEqual([]);
  }, 300_000);

  it('pages through grid A’s open cases reading at most limit + 1 each time, every case once', async () => {
    for (const sort of SORT) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const { result, scans } = await scansOf(() =>
          cloud.data<Page>('inbox', { sort, limit: LIMIT, ...(cursor && { cursor }) }, DEMO.gridWorker),
        );
        expect(scans.map((s) => s.rowsRead)).toEqual([expect.any(Number)]);
        expect(scans[0]?.rowsRead).toBeLessThanOrEqual(LIMIT + 1);
        seen.push(...result.items.map((i) => i.id));
        cursor = result.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(expected({ sort }, Date.now()));
    }
  });
});

describe('the workbench on 10,000 reports', () => {
  it.each([
    ['a 网格员', DEMO.gridWorker, 6],
    ['a 网格长', DEMO.gridLeader, 7],
    ['the county centre, over every report', DEMO.countyCentre, 14],
    ['a community centre', DEMO.communityCentre, 14],
  ])('counts for %s from indexes without reading a document', async (_who, openid, queries) => {
    const { scans } = await scansOf(() => cloud.data('workbench', {}, openid));
    expect(scans).toHaveLength(queries);
    for (const scan of scans) expect(scan).toMatchObject({ index: expect.stringMatching(/^x:reports:/), rowsRead: 0 });
  });

  it('lists the 网格警’s cases reading one page, and counts them reading none', async () => {
    const { scans } = await scansOf(() => cloud.data('workbench', {}, DEMO.police));
    expect(scans).toHaveLength(6);
    for (const scan of scans) expect(scan.index).toBe('x:reports:grid_category_status_deadline');
    expect(scans.reduce((sum, scan) => sum + scan.rowsRead, 0)).toBeLessThanOrEqual(21);
  });
});

describe('what I handled on 10,000 reports', () => {
  it('reads one page through resolver_time', async () => {
    const { scans } = await scansOf(() => cloud.data('myHandled', { since: 0, limit: LIMIT }, DEMO.gridWorker));
    expect(scans).toEqual([expect.objectContaining({ index: 'x:reports:resolver_time' })]);
    expect(scans[0]?.rowsRead).toBeLessThanOrEqual(LIMIT + 1);
  });
});

describe('keyset paging while cases change (grid B)', () => {
  it('shows every case that stayed put exactly once, and none twice, as cases arrive, move and close between pages', async () => {
    const cases = Array.from({ length: 30 }, (_, n) => ({
      id: `ib-${String(n).padStart(2, '0')}`,
      grid: B,
      status: 'accepted',
      dueInHours: n + 1,
    }));
    await seedCaseDocs(cloud, cases);
    const page = (cursor?: string) => cloud.data<Page>('inbox', { limit: LIMIT, ...(cursor && { cursor }) }, DEMO.gridWorkerElsewhere);
    const seen: string[] = [];
    const first = await page();
    seen.push(...first.items.map((i) => i.id));
    // Between pages: one case arrives after the cursor, one before it; one on a later page closes; one seen moves later.
    await seedCaseDocs(cloud, [
      { id: 'ib-new-late', grid: B, status: 'submitted', dueInHours: 25.5 },
      { id: 'ib-new-early', grid: B, status: 'submitted', dueInHours: 0.5 },
    ]);
    const reports = cloud.db().collection('reports');
    await reports.doc('ib-20').update({ data: { status: 'closed' } });
    await reports.doc('ib-02').update({ data: { deadlineAt: Date.now() + 40 * 3_600_000 } });
    let cursor = first.nextCursor ?? undefined;
    while (cursor) {
      const next = await page(cursor);
      seen.push(...next.items.map((i) => i.id));
      cursor = next.nextCursor ?? undefined;
    }
    expect(new Set(seen).size).toBe(seen.length - 1); // ib-02, seen on page 1, moved past the cursor: seen again, once
    const stayed = cases.map((c) => c.id).filter((id) => id !== 'ib-20' && id !== 'ib-02');
    for (const id of stayed) expect(seen.filter((s) => s === id)).toHaveLength(1);
    expect(seen).toContain('ib-new-late');
    expect(seen).not.toContain('ib-new-early');
    expect(seen).not.toContain('ib-20');
  });
});
