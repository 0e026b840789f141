import { shanghaiWeekStart } from '@pingan/shared';
import { DEMO, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { HOUR, seedCaseDocs, type SeedCase } from './helpers/seeded-cases';

/**
 * The inbox's filters and orders, and each role's workbench, through the real functions over cases seeded
 * in grid A (410399001001-03: 赵丽 and 薛淑华 work it, 陈志强 leads it; 郑俊 the police and 邓丽萍 the doctor
 * cover it) and grid B (-09, 钱建华's).
 */
const A = '410399001001-03';
const B = '410399001001-09';
const ZHAO = 'u-grid-worker-03';
const XUE = 'u-grid-worker-04';

type Item = { id: string; status: string; light: string | null; supportCount: number; assigneeName?: string; gridName?: string };
type Page = { items: Item[]; nextCursor: string | null };

// Grid A's cases, by deadline: resolved (−100 h, frozen), red (−10 h, 4 h margin), yellow (−1 h), due soon (+1 h), green (+10 h).
const CASES: SeedCase[] = [
  { id: 'wa-resolved', grid: A, status: 'resolved', dueInHours: -100, assigneeId: ZHAO, resolvedBy: ZHAO },
  {
    id: 'wa-red',
    grid: A,
    status: 'in_progress',
    categoryCode: 'JGQS',
    dueInHours: -10,
    redAfterHours: 4,
    assigneeId: XUE,
    supportCount: 9,
  },
  {
    id: 'wa-yellow',
    grid: A,
    status: 'assigned',
    categoryCode: 'HJWS',
    dueInHours: -1,
    redAfterHours: 24,
    assigneeId: ZHAO,
    supportCount: 2,
  },
  { id: 'wa-soon', grid: A, status: 'accepted', categoryCode: 'XFYH', dueInHours: 1 },
  { id: 'wa-green', grid: A, status: 'submitted', categoryCode: 'HJWS', dueInHours: 10, supportCount: 5 },
  { id: 'wa-closed', grid: A, status: 'closed', dueInHours: -200, assigneeId: ZHAO },
  { id: 'wa-police', grid: A, status: 'submitted', categoryCode: 'ZAXS', dueInHours: 0.5 },
  { id: 'wa-doctor', grid: A, status: 'accepted', categoryCode: 'SPYP', dueInHours: 30 },
  { id: 'wb-green', grid: B, status: 'submitted', dueInHours: 5 },
  { id: 'wc-owned', grid: A, status: 'accepted', dueInHours: -2, owner: { code: '410399001001', level: 'community' } },
];

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
  await seedCaseDocs(cloud, CASES);
}, 180_000);
afterAll(async () => cloud?.stop());

const inbox = (openid: string, filters: Record<string, unknown> = {}) => cloud.data<Page>('inbox', { limit: 50, ...filters }, openid);
const ids = async (filters: Record<string, unknown>, openid: string = DEMO.gridWorker) =>
  (await inbox(openid, filters)).items.map((i) => i.id);

describe('the inbox, filtered and ordered', () => {
  it('lists the open cases of the caller’s grids, nearest deadline first, with followers, assignee and grid', async () => {
    const items = (await inbox(DEMO.gridWorker)).items;
    expect(items.map((i) => i.id)).toEqual(['wa-resolved', 'wa-red', 'wa-yellow', 'wa-police', 'wa-soon', 'wa-green', 'wa-doctor']);
    const yellow = items.find((i) => i.id === 'wa-yellow');
    expect(yellow).toMatchObject({ supportCount: 2, assigneeName: '赵丽', gridName: `${A} 网格`, light: 'yellow' });
    expect(items.find((i) => i.id === 'wa-red')).toMatchObject({ assigneeName: '薛淑华', light: 'red' });
  });

  it('filters by light, over running clocks only (a resolved case’s light is frozen)', async () => {
    expect(await ids({ light: 'red' })).toEqual(['wa-red']);
    expect(await ids({ light: 'yellow' })).toEqual(['wa-yellow']);
    expect(await ids({ light: 'green' })).toEqual(['wa-police', 'wa-soon', 'wa-green', 'wa-doctor']);
  });

  it('filters by status, category and assignee, alone and together', async () => {
    expect(await ids({ status: 'resolved' })).toEqual(['wa-resolved']);
    expect(await ids({ status: 'closed' })).toEqual(['wa-closed']);
    expect(await ids({ categoryCode: 'HJWS' })).toEqual(['wa-resolved', 'wa-yellow', 'wa-green']);
    expect(await ids({ assignee: 'me' })).toEqual(['wa-resolved', 'wa-yellow']);
    expect(await ids({ assignee: 'none' })).toEqual(['wa-police', 'wa-soon', 'wa-green', 'wa-doctor']);
    expect(await ids({ assignee: { personId: XUE } })).toEqual(['wa-red']);
    expect(await ids({ assignee: 'me', categoryCode: 'HJWS', light: 'yellow' })).toEqual(['wa-yellow']);
    expect(await ids({ assignee: 'none', status: 'in_progress' })).toEqual([]);
  });

  it('sorts by support, most followed first, then the newest id', async () => {
    const order = await ids({ sort: 'support' });
    expect(order.slice(0, 3)).toEqual(['wa-red', 'wa-green', 'wa-yellow']);
    expect(order.slice(3)).toEqual(['wa-soon', 'wa-resolved', 'wa-police', 'wa-doctor']);
  });

  it('never shows grid A’s worker grid B’s cases, nor lets her ask for grid B', async () => {
    expect(await ids({ gridCode: A })).not.toContain('wb-green');
    const refused = await cloud.call('inbox', { gridCode: B }, DEMO.gridWorker);
    expect(refused).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await ids({}, DEMO.gridWorkerElsewhere)).toEqual(['wb-green']);
    expect(await ids({ assignee: { personId: ZHAO } }, DEMO.gridWorkerElsewhere)).toEqual([]);
  });
});

describe('a centre’s area', () => {
  it('lists every open case lying in its region, its grids’ too, nearest deadline first', async () => {
    const owned = await ids({}, DEMO.communityCentre);
    expect(owned).toEqual(['wc-owned']);
    const area = await ids({ scope: 'area' }, DEMO.communityCentre);
    expect(area).toEqual(['wa-resolved', 'wa-red', 'wc-owned', 'wa-yellow', 'wa-police', 'wa-soon', 'wb-green', 'wa-green', 'wa-doctor']);
    expect(await ids({ scope: 'area', light: 'red' }, DEMO.communityCentre)).toEqual(['wa-red']);
    // A grid's staff own their whole area already: 'area' is what they own.
    expect(await ids({ scope: 'area' })).toEqual(await ids({}));
  });

  it('is listed by urgency only', async () => {
    expect(await cloud.call('inbox', { scope: 'area', sort: 'support' }, DEMO.communityCentre)).toMatchObject({ code: 'INPUT.INVALID' });
  });
});

describe('the workbench', () => {
  const counts = (submitted: number, handling: number, resolved: number, dueSoon: number, overdue: number) => ({
    submitted,
    handling,
    resolved,
    dueSoon,
    overdue,
  });

  it('gives a grid worker her grids and the counts of the cases she owns there', async () => {
    const home = await cloud.data<Record<string, unknown>>('workbench', {}, DEMO.gridWorker);
    // 待受理: green, police; 办理中: soon, yellow, red, doctor; 待核查: resolved; due within 4 h: police, soon; overdue: red, yellow.
    expect(home).toMatchObject({ kind: 'gridWorker', counts: counts(2, 4, 1, 2, 2), dueSoonHours: 4 });
    expect(home.grids).toEqual([{ code: A, name: expect.any(String) }]);
  });

  it('gives a grid leader the same and the 待派单 and 待核查 queues', async () => {
    const home = await cloud.data<Record<string, unknown>>('workbench', {}, DEMO.gridLeader);
    expect(home).toMatchObject({ kind: 'gridLeader', counts: counts(2, 4, 1, 2, 2), queues: { toAssign: 2, toVerify: 1 } });
  });

  it('gives a centre the cases it owns and the cases of its whole area', async () => {
    const home = await cloud.data<Record<string, unknown>>('workbench', {}, DEMO.communityCentre);
    expect(home).toMatchObject({ kind: 'centre', region: { code: '410399001001', level: 'community' } });
    expect(home.counts).toEqual(counts(0, 1, 0, 0, 1));
    expect(home.areaCounts).toEqual(counts(3, 5, 1, 2, 3));
  });

  it('gives the police his categories in his grids, and the doctor hers', async () => {
    const police = await cloud.data<{ kind: string; cases: Item[]; counts: object }>('workbench', {}, DEMO.police);
    expect(police).toMatchObject({ kind: 'police', counts: counts(1, 0, 0, 1, 0) });
    expect(police.cases.map((c) => c.id)).toEqual(['wa-police']);
    const doctor = await cloud.data<{ kind: string; cases: Item[] }>('workbench', {}, 'o-demo-doctor-01');
    expect(doctor.kind).toBe('doctor');
    expect(doctor.cases.map((c) => c.id)).toEqual(['wa-doctor']);
  });

  it('sends residents to the resident home', async () => {
    expect(await cloud.data('workbench', {}, DEMO.resident)).toEqual({ kind: 'resident' });
    expect(await cloud.data('workbench', {}, 'o-never-seen-workbench')).toEqual({ kind: 'resident' });
  });
});

describe('what I handled', () => {
  it('lists what the caller resolved this week, latest first, and not others’ work', async () => {
    const now = Date.now();
    await seedCaseDocs(cloud, [
      { id: 'wh-mine-new', grid: B, status: 'closed', dueInHours: -5, resolvedBy: 'u-grid-worker-10', resolvedAt: now - HOUR },
      { id: 'wh-mine-old', grid: B, status: 'resolved', dueInHours: -5, resolvedBy: 'u-grid-worker-10', resolvedAt: now - 2 * HOUR },
      { id: 'wh-long-ago', grid: B, status: 'rated', dueInHours: -500, resolvedBy: 'u-grid-worker-10', resolvedAt: now - 30 * 24 * HOUR },
      { id: 'wh-theirs', grid: B, status: 'resolved', dueInHours: -5, resolvedBy: 'u-grid-leader-09', resolvedAt: now - HOUR },
    ]);
    const weekBefore = shanghaiWeekStart(Date.now());
    const handled = await cloud.data<{ items: Item[]; since: number }>('myHandled', {}, DEMO.gridWorkerElsewhere);
    expect([weekBefore, shanghaiWeekStart(Date.now())]).toContain(handled.since);
    const thisWeek = [
      ['wh-mine-new', now - HOUR],
      ['wh-mine-old', now - 2 * HOUR],
    ].filter(([, at]) => (at as number) >= handled.since);
    expect(handled.items.map((i) => i.id)).toEqual(thisWeek.map(([id]) => id));
    const sinceLongAgo = await cloud.data<{ items: Item[] }>('myHandled', { since: now - 40 * 24 * HOUR }, DEMO.gridWorkerElsewhere);
    expect(sinceLongAgo.items.map((i) => i.id)).toEqual(['wh-mine-new', 'wh-mine-old', 'wh-long-ago']);
    expect((await cloud.data<{ items: Item[] }>('myHandled', {}, DEMO.resident)).items).toEqual([]);
  });
});
