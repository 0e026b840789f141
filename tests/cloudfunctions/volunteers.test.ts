import { DEMO, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

/**
 * 在职党员/志愿者网格报到 through the real SDK (docs/DESIGN.md, "Service orders (居民点单)"): applying to a
 * grid, the grid's 网格员/网格长 approving (the person's role, grid and skills with the application, in one
 * transaction) or refusing with a reason, the grid's list (pending first) and the applicant's own view.
 */
const GRID = '410399001001-03';
const OTHER_GRID = '410399001001-09';
type Application = { id: string; personId: string; status: string; skills: string[]; posts: string[]; reason?: string; name: string };
type Mine = { applications: Application[]; gridCodes: string[]; skills: string[] };
type User = { _id: string; roles: string[]; gridCodes: string[]; skills?: string[] };
type Scan = { collection: string; index: string | null; rowsRead: number };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

let people = 0;
/** A fresh person's openid (made a resident by their first call). */
const newcomer = () => `o-vol-${process.pid}-${++people}`;
const profile = (extra: Record<string, unknown> = {}) => ({
  gridCode: GRID,
  name: '孙志刚',
  phone: '13912345678',
  partyMember: true,
  workUnit: '县财政局',
  skills: ['代办'],
  posts: ['policyTheory', 'mediation'],
  ...extra,
});
const register = (openid: string, extra: Record<string, unknown> = {}) =>
  cloud.call<{ application: Application }>('registerVolunteer', profile(extra), openid);
const review = (personId: string, decision: 'approve' | 'refuse', openid: string = DEMO.gridWorker, reason?: string) =>
  cloud.call<{ application: Application }>(
    'reviewVolunteer',
    { gridCode: GRID, personId, decision, ...(reason !== undefined && { reason }) },
    openid,
  );
const userOf = async (openid: string) => (await cloud.find<User>('users', { openid }))[0];
async function applied(openid: string, extra: Record<string, unknown> = {}): Promise<Application> {
  const answer = await register(openid, extra);
  if (!answer.ok) throw new Error(answer.code);
  return answer.data.application;
}

describe('registerVolunteer', () => {
  it('makes one pending application per person and grid; applying again updates it', async () => {
    const openid = newcomer();
    const first = await applied(openid);
    expect(first).toMatchObject({
      status: 'pending',
      gridCode: GRID,
      partyMember: true,
      workUnit: '县财政局',
      posts: ['policyTheory', 'mediation'],
    });
    expect(first.id).toBe(`${GRID}:${first.personId}`);
    const again = await applied(openid, { skills: ['代办', '法律'], workUnit: '' });
    expect(again).toMatchObject({ id: first.id, status: 'pending', skills: ['代办', '法律'] });
    expect(again).not.toHaveProperty('workUnit');
    expect(await cloud.count('volunteerApplications', { personId: first.personId })).toBe(1);
    expect(await cloud.data<Mine>('myVolunteering', {}, openid)).toEqual({
      applications: [expect.objectContaining({ id: first.id, status: 'pending' })],
      gridCodes: [],
      skills: [],
    });
  });

  it('refuses a skill the services do not name, a code that is no grid, and a volunteer already of the grid', async () => {
    expect(await register(newcomer(), { skills: ['飞行'] })).toMatchObject({ ok: false, code: 'VOLUNTEER.SKILL_UNKNOWN' });
    expect(await register(newcomer(), { gridCode: '410399001001-99' })).toMatchObject({ ok: false, code: 'GRID.NOT_FOUND' });
    expect(await register('o-demo-volunteer-01')).toMatchObject({ ok: false, code: 'VOLUNTEER.ALREADY_APPROVED' });
    expect(await register(newcomer(), { name: '   ' })).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
  });
});

describe('reviewVolunteer', () => {
  it('approves: the person becomes a volunteer of the grid with the skills, sees its task hall, and cannot apply again', async () => {
    const openid = newcomer();
    const { personId } = await applied(openid, { skills: ['代办', '陪诊'] });
    expect(await review(personId, 'approve')).toMatchObject({ ok: true, data: { application: { status: 'approved' } } });
    expect(await userOf(openid)).toMatchObject({ roles: ['resident', 'volunteer'], gridCodes: [GRID], skills: ['代办', '陪诊'] });
    expect(await cloud.data<Mine>('myVolunteering', {}, openid)).toMatchObject({
      applications: [{ status: 'approved' }],
      gridCodes: [GRID],
      skills: ['代办', '陪诊'],
    });
    expect(await cloud.call('taskHall', {}, openid)).toMatchObject({ ok: true });
    expect(await register(openid)).toMatchObject({ ok: false, code: 'VOLUNTEER.ALREADY_APPROVED' });
    expect(await review(personId, 'refuse', DEMO.gridLeader, '重复')).toMatchObject({ ok: false, code: 'VOLUNTEER.ALREADY_DECIDED' });
  });

  it('refuses only with a reason; the applicant sees it, and may apply again (pending, the reason gone)', async () => {
    const openid = newcomer();
    const { personId } = await applied(openid);
    expect(await review(personId, 'refuse')).toMatchObject({ ok: false, code: 'VOLUNTEER.REASON_REQUIRED' });
    expect(await review(personId, 'refuse', DEMO.gridLeader, '请先在社区登记党组织关系')).toMatchObject({
      ok: true,
      data: { application: { status: 'refused', reason: '请先在社区登记党组织关系' } },
    });
    expect(await userOf(openid)).toMatchObject({ roles: ['resident'], gridCodes: [] });
    const again = await applied(openid);
    expect(again.status).toBe('pending');
    expect(again).not.toHaveProperty('reason');
  });

  it('lets only the grid’s 网格员 and 网格长 review; for anyone else there is nothing to find', async () => {
    const { personId } = await applied(newcomer());
    for (const openid of [DEMO.gridWorkerElsewhere, DEMO.police, DEMO.communityCentre, 'o-demo-volunteer-01', DEMO.resident]) {
      expect(await review(personId, 'approve', openid)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await review('u-nobody', 'approve')).toMatchObject({ ok: false, code: 'VOLUNTEER.NOT_FOUND' });
    expect(await review('u-nobody', 'approve', DEMO.gridWorkerElsewhere)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('decides once when an approval and a refusal race, and the person matches the decision that won', async () => {
    for (let round = 0; round < 4; round++) {
      const openid = newcomer();
      const { personId } = await applied(openid);
      const [approval, refusal] = await Promise.all([review(personId, 'approve'), review(personId, 'refuse', DEMO.gridLeader, '名额已满')]);
      expect([approval, refusal].filter((answer) => answer.ok)).toHaveLength(1);
      expect(approval.ok ? refusal : approval).toMatchObject({ ok: false, code: 'VOLUNTEER.ALREADY_DECIDED' });
      const user = await userOf(openid);
      expect(user?.roles.includes('volunteer')).toBe(approval.ok);
      expect(await cloud.get<{ status: string }>('volunteerApplications', `${GRID}:${personId}`)).toMatchObject({
        status: approval.ok ? 'approved' : 'refused',
      });
    }
  });
});

describe('volunteerApplications', () => {
  it('lists the grid’s applications to its staff, pending first (the longest waiting first), one page on grid_list', async () => {
    const decided = await applied(newcomer());
    await review(decided.personId, 'approve');
    const older = await applied(newcomer());
    const newer = await applied(newcomer());
    const stats = cloud.testCloud.cloud.database.stats as { recentScans: Scan[] };
    const before = new Set(stats.recentScans);
    const page = await cloud.data<{ items: Application[]; nextCursor: string | null }>(
      'volunteerApplications',
      { gridCode: GRID, limit: 50 },
      DEMO.gridLeader,
    );
    const ids = page.items.map((item) => item.id);
    const pending = page.items.filter((item) => item.status === 'pending').length;
    expect(page.items.slice(0, pending).every((item) => item.status === 'pending')).toBe(true);
    expect(ids.indexOf(older.id)).toBeLessThan(ids.indexOf(newer.id));
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(decided.id));
    const scans = stats.recentScans.filter((scan) => !before.has(scan) && scan.collection === 'volunteerApplications');
    expect(scans).toEqual([expect.objectContaining({ index: expect.stringMatching(/:grid_list$/) })]);
    expect(page.items[0]).not.toHaveProperty('openid');
  });

  it('refuses anyone but the grid’s 网格员 and 网格长', async () => {
    for (const openid of [DEMO.gridWorkerElsewhere, 'o-demo-volunteer-01', DEMO.communityCentre, DEMO.resident]) {
      expect(await cloud.call('volunteerApplications', { gridCode: GRID }, openid)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await cloud.call('volunteerApplications', { gridCode: OTHER_GRID }, DEMO.gridWorker)).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
  });
});
