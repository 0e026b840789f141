import type { SupervisionCounts, SupervisionItem } from '@pingan/shared';
import { DEMO, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { HOUR, seedCaseDocs, type SeedCase } from './helpers/seeded-cases';

/**
 * The 督办 list (supervisionList) and its counts. Red cases need old clocks, so the cases are written
 * straight into the database by the document code the functions use (seeded-cases.ts: the 督办 fields
 * from report-document.ts's supervisionFieldsOf), their deadlines hours in the past; every move after that
 * is made by the functions, which rewrite the fields.
 */
const A = '410399001001-03';
const B = '410399001001-09';
const COMMUNITY = '410399001001';
const STREET_CENTRE = 'o-demo-centre-03'; // 高振华, street 410399001

type List = { centre: { code: string }; items: SupervisionItem[]; nextCursor: string | null };
type Scan = { collection: string; index: string | null; rowsRead: number };

let cloud: FunctionsCloud;
let seededAt = 0;

/** Red: the deadline 30 h past, red (24 h margin) 6 h ago; yellow: 2 h past, red in 22 h. */
const CASES: SeedCase[] = [
  { id: 'sl-red-a', grid: A, status: 'accepted', dueInHours: -30 },
  { id: 'sl-redder-b', grid: B, status: 'in_progress', dueInHours: -40, assigneeId: 'u-grid-worker-10' },
  { id: 'sl-yellow-a', grid: A, status: 'accepted', dueInHours: -2 },
  { id: 'sl-closed-a', grid: A, status: 'closed', dueInHours: -30, assigneeId: 'u-grid-worker-03' },
  { id: 'sl-resolved-a', grid: A, status: 'resolved', dueInHours: -30, assigneeId: 'u-grid-worker-03' },
  { id: 'sl-red-community', grid: A, status: 'accepted', dueInHours: -30, owner: { code: COMMUNITY, level: 'community' } },
  { id: 'sl-escalate-a', grid: A, status: 'accepted', dueInHours: -31 },
  { id: 'sl-handback-community', grid: A, status: 'accepted', dueInHours: -32, owner: { code: COMMUNITY, level: 'community' } },
  { id: 'sl-supervised-a', grid: A, status: 'accepted', dueInHours: -1 },
];

beforeAll(async () => {
  cloud = await startFunctionsCloud();
  seededAt = Date.now();
  await seedCaseDocs(cloud, CASES, seededAt);
}, 120_000);
afterAll(async () => cloud?.stop());

/** Every item of a centre's list, page after page. */
async function listOf(openid: string, limit = 50): Promise<SupervisionItem[]> {
  const items: SupervisionItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await cloud.data<List>('supervisionList', { limit, ...(cursor && { cursor }) }, openid);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}
const idsOf = async (openid: string) => (await listOf(openid)).map((item) => item.id);
const supervisionOf = async (openid: string) => (await cloud.data<{ supervision: SupervisionCounts }>('workbench', {}, openid)).supervision;
const unansweredOf = async (openid: string) =>
  (await cloud.data<{ supervisionUnanswered: number }>('workbench', {}, openid)).supervisionUnanswered;

describe('supervisionList (督办清单)', () => {
  it('lists a grid’s red cases for its community centre, the longest red first, and no one else’s', async () => {
    const community = await listOf(DEMO.communityCentre);
    const ids = community.map((item) => item.id);
    expect(ids.indexOf('sl-redder-b')).toBeLessThan(ids.indexOf('sl-red-a'));
    expect(ids).toEqual(expect.arrayContaining(['sl-red-a', 'sl-redder-b', 'sl-escalate-a']));
    // Not yet red, closed, resolved (a frozen light), or owned by the community itself: not its list.
    for (const absent of ['sl-yellow-a', 'sl-closed-a', 'sl-resolved-a', 'sl-red-community', 'sl-supervised-a']) {
      expect(ids).not.toContain(absent);
    }
    const red = community.find((item) => item.id === 'sl-red-a') as SupervisionItem;
    const redAt = seededAt - 6 * HOUR;
    expect(red).toMatchObject({ ownerCode: A, light: 'red', supervision: { sent: 0, unanswered: 0, redSince: redAt, listedSince: redAt } });
    // The community's own red case is its street centre's to 督办; the county sees neither.
    expect(await idsOf(STREET_CENTRE)).toEqual(expect.arrayContaining(['sl-red-community', 'sl-handback-community']));
    expect(await idsOf(STREET_CENTRE)).not.toContain('sl-red-a');
    expect(await idsOf(DEMO.countyCentre)).toEqual([]);
  });

  it('is for centres only', async () => {
    for (const openid of [DEMO.gridWorker, DEMO.gridLeader, DEMO.resident, DEMO.police]) {
      expect(await cloud.call('supervisionList', {}, openid)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });

  it('follows the owner: escalation moves a case to the next centre’s list, 下派 back to the community’s', async () => {
    await cloud.data('escalateReport', { reportId: 'sl-escalate-a', reason: '需社区协调' }, DEMO.gridWorker);
    expect(await idsOf(DEMO.communityCentre)).not.toContain('sl-escalate-a');
    expect(await idsOf(STREET_CENTRE)).toContain('sl-escalate-a');

    await cloud.data('handBackReport', { reportId: 'sl-handback-community', gridCode: B, reason: '属网格职责' }, DEMO.communityCentre);
    expect(await idsOf(STREET_CENTRE)).not.toContain('sl-handback-community');
    expect(await idsOf(DEMO.communityCentre)).toContain('sl-handback-community');
  });

  it('lists a case with an unanswered 督办 until its owner answers, and counts it for both', async () => {
    const before = { centre: await supervisionOf(DEMO.communityCentre), owner: await unansweredOf(DEMO.gridWorker) };
    await cloud.data('superviseReport', { reportId: 'sl-supervised-a', note: '请今天办结' }, DEMO.communityCentre);
    await cloud.data('superviseReport', { reportId: 'sl-supervised-a', note: '仍未办结，请回复' }, DEMO.communityCentre);
    const listed = (await listOf(DEMO.communityCentre)).find((item) => item.id === 'sl-supervised-a');
    expect(listed).toMatchObject({ light: 'yellow', supervisionPending: true, supervision: { sent: 2, unanswered: 2, redSince: null } });
    expect(await supervisionOf(DEMO.communityCentre)).toEqual({
      listed: before.centre.listed + 1,
      red: before.centre.red,
      unanswered: before.centre.unanswered + 1,
    });
    expect(await unansweredOf(DEMO.gridWorker)).toBe(before.owner + 1);
    const inbox = await cloud.data<{ items: { id: string }[] }>('inbox', { supervision: 'unanswered' }, DEMO.gridWorker);
    expect(inbox.items.map((item) => item.id)).toContain('sl-supervised-a');

    await cloud.data('answerSupervision', { reportId: 'sl-supervised-a', note: '已安排，今天办结' }, DEMO.gridWorker);
    expect(await idsOf(DEMO.communityCentre)).not.toContain('sl-supervised-a');
    expect(await supervisionOf(DEMO.communityCentre)).toEqual(before.centre);
    expect(await unansweredOf(DEMO.gridWorker)).toBe(before.owner);
    const after = await cloud.data<{ items: { id: string }[] }>('inbox', { supervision: 'unanswered' }, DEMO.gridWorker);
    expect(after.items.map((item) => item.id)).not.toContain('sl-supervised-a');
  });

  it('counts on the workbench what the list lists', async () => {
    const counts = await supervisionOf(DEMO.communityCentre);
    const items = await listOf(DEMO.communityCentre, 2);
    expect(counts.listed).toBe(items.length);
    expect(counts.red).toBe(items.filter((item) => item.supervision.redSince !== null).length);
    expect(counts.unanswered).toBe(items.filter((item) => item.supervision.unanswered > 0).length);
  });
});

describe('the 督办 list on its index', () => {
  /** The scans of `reports` a call made. */
  async function scansOf<T>(call: () => Promise<T>): Promise<{ result: T; scans: Scan[] }> {
    const stats = cloud.testCloud.cloud.database.stats;
    const before = new Set(stats.recentScans);
    const result = await call();
    return { result, scans: stats.recentScans.filter((scan) => !before.has(scan) && scan.collection === 'reports') };
  }

  it('reads at most limit + 1 documents a page among 2,000 cases, and counts reading none', async () => {
    const many: SeedCase[] = Array.from({ length: 2000 }, (_, n) => ({
      id: `sl-many-${String(n).padStart(4, '0')}`,
      grid: n % 2 ? A : B,
      status: ['accepted', 'assigned', 'in_progress', 'resolved', 'closed'][n % 5] as string,
      dueInHours: -60 + (n % 100),
      ...(n % 5 > 0 && { assigneeId: 'u-grid-worker-03' }),
    }));
    await seedCaseDocs(cloud, many);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { result, scans } = await scansOf(() =>
        cloud.data<List>('supervisionList', { limit: 10, ...(cursor && { cursor }) }, DEMO.communityCentre),
      );
      expect(scans).toEqual([expect.objectContaining({ index: 'x:reports:supervisor_listed' })]);
      expect(scans[0]?.rowsRead).toBeLessThanOrEqual(11);
      seen.push(...result.items.map((item) => item.id));
      cursor = result.nextCursor ?? undefined;
    } while (cursor && seen.length < 100);
    expect(new Set(seen).size).toBe(seen.length);
    const since = (await listOf(DEMO.communityCentre)).map((item) => item.supervision.listedSince);
    expect(since).toEqual([...since].sort((a, b) => a - b));

    const { scans } = await scansOf(() => cloud.data('workbench', {}, DEMO.communityCentre));
    expect(scans.map((scan) => scan.index)).toEqual(
      expect.arrayContaining(['x:reports:supervisor_listed', 'x:reports:supervisor_status_red', 'x:reports:supervisor_status_open']),
    );
    expect(scans).toHaveLength(14);
    expect(scans.filter((scan) => scan.rowsRead > 0 || !scan.index?.startsWith('x:reports:'))).toEqual([]);
    const worker = await scansOf(() => cloud.data('workbench', {}, DEMO.gridWorker));
    expect(worker.scans.map((scan) => scan.index)).toContain('x:reports:owner_status_supervision');
    expect(worker.scans.filter((scan) => scan.rowsRead > 0)).toEqual([]);
  }, 300_000);

  it('lists the owner’s 督办待回复 reading at most a page', async () => {
    const supervised = Array.from({ length: 15 }, (_, n) => `sl-many-${String(n * 10).padStart(4, '0')}`);
    for (const reportId of supervised) await cloud.data('superviseReport', { reportId, note: '请尽快办结' }, DEMO.communityCentre);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const { result, scans } = await scansOf(() =>
        cloud.data<List>('inbox', { supervision: 'unanswered', limit: 5, ...(cursor && { cursor }) }, DEMO.gridWorkerElsewhere),
      );
      expect(scans).toEqual([expect.objectContaining({ index: 'x:reports:owner_status_deadline' })]);
      expect(scans[0]?.rowsRead).toBeLessThanOrEqual(6);
      seen.push(...result.items.map((item) => item.id));
      cursor = result.nextCursor ?? undefined;
    } while (cursor);
    // Every tenth case is grid B's (even n) and accepted (n % 5 = 0): all fifteen are 钱建华's to answer.
    expect(seen.sort()).toEqual(supervised.filter((id) => Number(id.slice(-4)) % 2 === 0).sort());
    expect(await unansweredOf(DEMO.gridWorkerElsewhere)).toBe(seen.length);
  }, 300_000);
});
