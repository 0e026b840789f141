import { DEMO, reportEvent, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';

/**
 * 兼职信息员 applications through the real SDK (docs/DESIGN.md, "Points"): a resident applies to a grid, its
 * 网格员/网格长 approve (the person's role and informant grid with the application and the applicant's
 * message, in one transaction), refuse with words, or remove an approved informant with words; what
 * acceptance then pays follows the person's record (awardForReport): money while approved, in the approved
 * grids alone (never in `gridCodes`, the grids lived or volunteered in, which a decision never touches),
 * community points once removed.
 */
const GRID = '410399001001-03';
const OTHER_GRID = '410399001001-09';
/** A point inside grid -09 (its 网格员 is DEMO.gridWorkerElsewhere). */
const IN_OTHER_GRID = [111.59082, 33.789931];
const VOLUNTEER = 'o-demo-volunteer-01'; // 王建国, volunteers in 410399001001-03
type Application = { id: string; gridCode: string; personId: string; status: string; gridName: string; reason?: string };
type User = { _id: string; roles: string[]; gridCodes: string[]; informantGridCodes?: string[] };
type Entry = { unit: string; amount: number; basis: string };
type Message = { _id: string; kind: string; title: string; body: string; recipientOpenid: string; informantGridCode: string };
type Mine = { applications: Application[]; gridCodes: string[]; joinedGrid: { code: string; name: string } | null };
type Scan = { collection: string; index: string | null; rowsRead: number };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
}, 180_000);
afterAll(async () => cloud?.stop());

let people = 0;
/** A fresh person's openid (made a resident by their first call). */
const newcomer = () => `o-inf-${process.pid}-${++people}`;
const profile = (extra: Record<string, unknown> = {}) => ({
  gridCode: GRID,
  name: '周小伟',
  phone: '13912345678',
  motive: '每天送快递经过这几栋楼',
  ...extra,
});
const apply = (openid: string, extra: Record<string, unknown> = {}) =>
  cloud.call<{ application: Application }>('applyInformant', profile(extra), openid);
const review = (
  personId: string,
  decision: 'approve' | 'refuse' | 'remove',
  openid: string = DEMO.gridWorker,
  reason?: string,
  gridCode = GRID,
) =>
  cloud.call<{ application: Application }>(
    'reviewInformant',
    { gridCode, personId, decision, ...(reason !== undefined && { reason }) },
    openid,
  );
const userOf = async (openid: string) => (await cloud.find<User>('users', { openid }))[0];
const messagesOf = (openid: string) => cloud.find<Message>('messages', { recipientOpenid: openid }, ['at', 'asc']);
async function applied(openid: string, extra: Record<string, unknown> = {}): Promise<Application> {
  const answer = await apply(openid, extra);
  if (!answer.ok) throw new Error(answer.code);
  return answer.data.application;
}
/** A report of the person's in grid -03 (or -09), accepted by its 网格员: the award acceptance wrote. */
async function acceptedAward(openid: string, grid: 'here' | 'there' = 'here'): Promise<(Entry & { gridCode: string }) | undefined> {
  const at = grid === 'here' ? {} : { location: IN_OTHER_GRID };
  const { report } = await cloud.data<{ report: { id: string } }>('submitReport', reportEvent(at), openid);
  await cloud.data('acceptReport', { reportId: report.id }, grid === 'here' ? DEMO.gridWorker : DEMO.gridWorkerElsewhere);
  return cloud.get<Entry & { gridCode: string }>('pointsLedger', `award:${report.id}`);
}

describe('applyInformant', () => {
  it('makes one pending application per person and grid; applying again updates it', async () => {
    const openid = newcomer();
    const first = await applied(openid);
    expect(first).toMatchObject({ id: `${GRID}:${first.personId}`, status: 'pending', gridName: expect.stringContaining('第3网格') });
    const again = await applied(openid, { motive: '我在小区门口开店' });
    expect(again).toMatchObject({ id: first.id, status: 'pending', motive: '我在小区门口开店' });
    expect(await cloud.count('informantApplications', { personId: first.personId })).toBe(1);
    expect(await cloud.data<Mine>('myInformantApplications', {}, openid)).toMatchObject({
      applications: [{ id: first.id, status: 'pending' }],
      gridCodes: [],
      joinedGrid: null,
    });
  });

  it('applies to the joined grid when none is named, and refuses staff, a code that is no grid and a caller with neither', async () => {
    expect(await apply(newcomer(), { gridCode: undefined })).toMatchObject({ ok: false, code: 'GRID.NOT_JOINED' });
    expect(await apply(newcomer(), { gridCode: '410399001001-99' })).toMatchObject({ ok: false, code: 'GRID.NOT_FOUND' });
    expect(await apply(DEMO.gridWorkerElsewhere)).toMatchObject({ ok: false, code: 'INFORMANT.STAFF' });
    expect(await apply(DEMO.informant)).toMatchObject({ ok: false, code: 'INFORMANT.ALREADY_APPROVED' });
    expect(await apply(newcomer(), { motive: '  ' })).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    const joined = await applied(DEMO.otherResident, { gridCode: undefined });
    expect(joined.gridCode).toBe(GRID);
  });
});

describe('reviewInformant', () => {
  it('approves: an accepted report in the grid pays informant money; removed, the next pays community points and the first award stays', async () => {
    const openid = newcomer();
    const { personId } = await applied(openid);
    expect(await review(personId, 'approve')).toMatchObject({ ok: true, data: { application: { status: 'approved' } } });
    expect(await userOf(openid)).toMatchObject({ roles: ['resident', 'informant'], gridCodes: [], informantGridCodes: [GRID] });
    expect(await messagesOf(openid)).toEqual([
      expect.objectContaining({ kind: 'informantApproved', title: '信息员申请已通过', informantGridCode: GRID }),
    ]);
    const paid = await acceptedAward(openid);
    expect(paid).toMatchObject({ unit: 'fen', basis: 'informant' });
    expect(paid?.amount).toBeGreaterThan(0);

    expect(await review(personId, 'remove')).toMatchObject({ ok: false, code: 'INFORMANT.REASON_REQUIRED' });
    expect(await review(personId, 'remove', DEMO.gridLeader, '已搬离本网格')).toMatchObject({
      ok: true,
      data: { application: { status: 'removed', reason: '已搬离本网格' } },
    });
    expect(await userOf(openid)).toMatchObject({ roles: ['resident'], gridCodes: [], informantGridCodes: [] });
    const told = (await messagesOf(openid)).filter((message) => message.kind.startsWith('informant'));
    expect(told.map((message) => message.kind)).toEqual(['informantApproved', 'informantRemoved']);
    expect(await acceptedAward(openid)).toMatchObject({ unit: 'point', basis: 'resident' });
    expect(await cloud.count('pointsLedger', { personId, kind: 'reversal' })).toBe(0);
    expect(await review(personId, 'remove', DEMO.gridLeader, '再来一次')).toMatchObject({ ok: false, code: 'INFORMANT.NOT_APPROVED' });
    expect((await applied(openid)).status).toBe('pending');
  });

  it('a resident approved and removed in the grid they live in: the grid they live in never changes', async () => {
    const { personId } = await applied(DEMO.resident);
    await review(personId, 'approve');
    expect(await userOf(DEMO.resident)).toMatchObject({ roles: ['resident', 'informant'], gridCodes: [GRID], informantGridCodes: [GRID] });
    await review(personId, 'remove', DEMO.gridWorker, '试用结束');
    expect(await userOf(DEMO.resident)).toMatchObject({ roles: ['resident'], gridCodes: [GRID], informantGridCodes: [] });
  });

  it('a volunteer of -03 approved as informant of -09 is paid money in -09 only, and nothing changes in -03', async () => {
    const before = await userOf(VOLUNTEER);
    const { personId } = await applied(VOLUNTEER, { gridCode: OTHER_GRID });
    await review(personId, 'approve', DEMO.gridWorkerElsewhere, undefined, OTHER_GRID);
    expect(await userOf(VOLUNTEER)).toMatchObject({ gridCodes: before?.gridCodes, informantGridCodes: [OTHER_GRID] });
    expect(await acceptedAward(VOLUNTEER, 'there')).toMatchObject({ unit: 'fen', basis: 'informant', gridCode: OTHER_GRID });
    expect(await acceptedAward(VOLUNTEER)).toMatchObject({ unit: 'point', basis: 'resident', gridCode: GRID });
    // -03's task hall and staff lists read gridCodes: he is there as its volunteer only, as before.
    expect(before?.gridCodes).toEqual([GRID]);
    await review(personId, 'remove', DEMO.gridWorkerElsewhere, '试用结束', OTHER_GRID);
    expect(await userOf(VOLUNTEER)).toMatchObject({ roles: before?.roles, gridCodes: [GRID], informantGridCodes: [] });
  });

  it('the seeded informant 李明 is listed as approved, and removed from -03 is paid points there and money in -02 still', async () => {
    const li = await userOf(DEMO.informant);
    const page = await cloud.data<{ items: Application[] }>('informantApplications', { gridCode: GRID, limit: 50 }, DEMO.gridWorker);
    expect(page.items).toContainEqual(expect.objectContaining({ personId: li?._id, status: 'approved', name: '李明' }));
    expect(await review(li!._id, 'remove', DEMO.gridWorker, '换了片区送件')).toMatchObject({ ok: true });
    expect(await userOf(DEMO.informant)).toMatchObject({
      roles: ['informant', 'resident'],
      gridCodes: li?.gridCodes,
      informantGridCodes: ['410399001001-02', '410399001001-04'],
    });
    expect(await acceptedAward(DEMO.informant)).toMatchObject({ unit: 'point', basis: 'resident' });
    // Back as he was, for the tests after.
    await applied(DEMO.informant);
    await review(li!._id, 'approve');
    expect((await userOf(DEMO.informant))?.informantGridCodes).toEqual(['410399001001-02', '410399001001-04', GRID]);
  });

  it('refuses only with words; the applicant is told, and may apply again (pending, the words gone)', async () => {
    const openid = newcomer();
    const { personId } = await applied(openid);
    expect(await review(personId, 'refuse')).toMatchObject({ ok: false, code: 'INFORMANT.REASON_REQUIRED' });
    expect(await review(personId, 'refuse', DEMO.gridLeader, '本网格信息员已够')).toMatchObject({
      ok: true,
      data: { application: { status: 'refused', reason: '本网格信息员已够' } },
    });
    expect(await userOf(openid)).toMatchObject({ roles: ['resident'], gridCodes: [] });
    expect(await messagesOf(openid)).toEqual([
      expect.objectContaining({ kind: 'informantRefused', body: expect.stringContaining('本网格信息员已够') }),
    ]);
    expect(await review(personId, 'approve')).toMatchObject({ ok: false, code: 'INFORMANT.ALREADY_DECIDED' });
    const again = await applied(openid);
    expect(again.status).toBe('pending');
    expect(again).not.toHaveProperty('reason');
  });

  it('lets only the grid’s 网格员 and 网格长 decide; for anyone else there is nothing to find', async () => {
    const { personId } = await applied(newcomer());
    for (const openid of [DEMO.gridWorkerElsewhere, DEMO.police, DEMO.communityCentre, DEMO.countyCentre, DEMO.informant, DEMO.resident]) {
      expect(await review(personId, 'approve', openid)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await review('u-nobody', 'approve')).toMatchObject({ ok: false, code: 'INFORMANT.NOT_FOUND' });
    expect(await review('u-nobody', 'approve', DEMO.gridWorkerElsewhere)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await cloud.get<{ status: string }>('informantApplications', `${GRID}:${personId}`)).toMatchObject({ status: 'pending' });
  });

  it('when an approval and two removals race, the person’s record always matches the application that stands', async () => {
    const rounds = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const openid = newcomer();
        const { personId } = await applied(openid);
        const answers = await Promise.all([
          review(personId, 'approve'),
          review(personId, 'remove', DEMO.gridLeader, '核实不是本网格居民'),
          review(personId, 'remove', DEMO.gridWorker, '重复申请'),
        ]);
        return { openid, personId, answers };
      }),
    );
    for (const { openid, personId, answers } of rounds) {
      expect(answers[0]).toMatchObject({ ok: true });
      expect(answers.filter((answer) => answer.ok).length).toBeLessThanOrEqual(2);
      for (const answer of answers.filter((a) => !a.ok)) expect(answer).toMatchObject({ code: 'INFORMANT.NOT_APPROVED' });
      const stored = await cloud.get<{ status: string; version: number }>('informantApplications', `${GRID}:${personId}`);
      const user = await userOf(openid);
      const approved = stored?.status === 'approved';
      expect(user?.roles.includes('informant')).toBe(approved);
      expect(user?.informantGridCodes).toEqual(approved ? [GRID] : []);
      expect(user?.gridCodes).toEqual([]);
      expect(await cloud.count('messages', { recipientOpenid: openid })).toBe(stored?.version);
    }
  });

  it('approvals of two grids at once both land on the person', async () => {
    const openid = newcomer();
    const [here, there] = await Promise.all([applied(openid), applied(openid, { gridCode: OTHER_GRID })]);
    await Promise.all([
      review(here.personId, 'approve'),
      review(there.personId, 'approve', DEMO.gridWorkerElsewhere, undefined, OTHER_GRID),
    ]);
    const user = await userOf(openid);
    expect(user?.gridCodes).toEqual([]);
    expect([...(user?.informantGridCodes ?? [])].sort()).toEqual([GRID, OTHER_GRID]);
    expect((await cloud.data<Mine>('myInformantApplications', {}, openid)).gridCodes.sort()).toEqual([GRID, OTHER_GRID]);
  });
});

describe('informantApplications', () => {
  it('lists the grid’s applications to its staff, pending first (the longest waiting first), one page on grid_list', async () => {
    const decided = await applied(newcomer());
    await review(decided.personId, 'approve');
    const older = await applied(newcomer());
    const newer = await applied(newcomer());
    const stats = cloud.testCloud.cloud.database.stats as { recentScans: Scan[] };
    const before = new Set(stats.recentScans);
    const page = await cloud.data<{ items: Application[] }>('informantApplications', { gridCode: GRID, limit: 50 }, DEMO.gridLeader);
    const ids = page.items.map((item) => item.id);
    const pending = page.items.filter((item) => item.status === 'pending').length;
    expect(page.items.slice(0, pending).every((item) => item.status === 'pending')).toBe(true);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(decided.id));
    const scans = stats.recentScans.filter((scan) => !before.has(scan) && scan.collection === 'informantApplications');
    expect(scans).toEqual([expect.objectContaining({ index: expect.stringMatching(/:grid_list$/) })]);
    expect(page.items[0]).not.toHaveProperty('openid');
  });

  it('refuses anyone but the grid’s 网格员 and 网格长', async () => {
    for (const openid of [DEMO.gridWorkerElsewhere, DEMO.informant, DEMO.communityCentre, DEMO.resident]) {
      expect(await cloud.call('informantApplications', { gridCode: GRID }, openid)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });
});
