import { DEMO, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

type GridCard = { code: string; name: string; communityName: string; staff: { role: string; name: string; phone: string }[] };
type Me = { id: string; name: string; roles: string[]; gridCodes: string[]; joinedGrid: GridCard | null };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const count = (collection: string, where: object) => cloud.count(collection, where);

describe('me', () => {
  it('answers a demo resident with her roles and the grid she joined, staff in 长-员-警-医 order with phones', async () => {
    const me = await cloud.data<Me>('me', {}, DEMO.resident);
    expect(me).toMatchObject({ id: 'u-resident-01', name: '张秀兰', roles: ['resident'], gridCodes: ['410399001001-03'] });
    expect(me.joinedGrid).toEqual({
      code: '410399001001-03',
      name: '城关社区第3网格',
      communityName: '城关社区',
      staff: [
        { role: 'gridLeader', name: '陈志强', phone: '13800000013' },
        { role: 'gridWorker', name: '赵丽', phone: '13800000053' },
        { role: 'gridWorker', name: '薛淑华', phone: '13800000054' },
        { role: 'police', name: '郑俊', phone: '13800000104' },
        { role: 'doctor', name: '邓丽萍', phone: '13800000114' },
      ],
    });
  });

  it('makes a first-time caller a resident with no grid, once, even when three first calls race', async () => {
    const openid = 'o-first-time-caller';
    const answers = await Promise.all([1, 2, 3].map(() => cloud.data<Me>('me', {}, openid)));
    expect(new Set(answers.map((me) => me.id)).size).toBe(1);
    expect(answers[0]).toMatchObject({ roles: ['resident'], gridCodes: [], joinedGrid: null });
    expect(await count('users', { openid })).toBe(1);
  });

  it('answers staff with the grids they serve', async () => {
    expect(await cloud.data<Me>('me', {}, DEMO.police)).toMatchObject({
      roles: ['police'],
      gridCodes: ['410399001001-01', '410399001001-02', '410399001001-03', '410399001001-04', '410399001001-05'],
    });
  });
});

describe('joinGrid (扫码入格)', () => {
  const openid = 'o-scanning-resident';

  it('joins a grid by its code and answers it with its staff', async () => {
    const { grid } = await cloud.data<{ grid: GridCard }>('joinGrid', { gridCode: '410399002001-05' }, openid);
    expect(grid).toMatchObject({ code: '410399002001-05', name: '河东社区第5网格', communityName: '河东社区' });
    expect(grid.staff.map((s) => s.role)).toEqual(['gridLeader', 'gridWorker', 'police', 'doctor']);
    expect((await cloud.data<Me>('me', {}, openid)).joinedGrid?.code).toBe('410399002001-05');
  });

  it('replaces the joined grid on a later scan of a mini-program code (URL-encoded scene) and keeps every scan', async () => {
    await cloud.data('joinGrid', { scene: 'g%3D410399001001-07' }, openid);
    expect((await cloud.data<Me>('me', {}, openid)).joinedGrid?.code).toBe('410399001001-07');
    const scans = await cloud.find<{ gridCode: string; source: string }>('gridJoins', { openid }, ['at', 'asc']);
    expect(scans.map((scan) => [scan.gridCode, scan.source])).toEqual([
      ['410399002001-05', 'code'],
      ['410399001001-07', 'scene'],
    ]);
  });

  it('refuses a scene that is not a grid code, and a grid that does not exist, writing nothing', async () => {
    const before = await count('gridJoins', { openid });
    expect(await cloud.call('joinGrid', { scene: 'r=abc123' }, openid)).toMatchObject({ ok: false, code: 'GRID.SCENE_INVALID' });
    expect(await cloud.call('joinGrid', { scene: 'g=410399001001' }, openid)).toMatchObject({ ok: false, code: 'GRID.SCENE_INVALID' });
    expect(await cloud.call('joinGrid', { gridCode: '410399001001-77' }, openid)).toMatchObject({ ok: false, code: 'GRID.NOT_FOUND' });
    expect(await count('gridJoins', { openid })).toBe(before);
    expect((await cloud.data<Me>('me', {}, openid)).joinedGrid?.code).toBe('410399001001-07');
  });

  it('refuses an operator object where the grid code belongs with INPUT.INVALID, writing nothing', async () => {
    const before = await count('gridJoins', {});
    const answer = await cloud.call('joinGrid', { gridCode: { $ne: null } }, 'o-injector');
    expect(answer).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    expect(await count('gridJoins', {})).toBe(before);
    expect(await count('users', { openid: 'o-injector' })).toBe(0);
  });

  it('keeps every scan of several at once by one person (each join retries the write conflict it loses)', async () => {
    const racer = 'o-scanning-twice';
    await cloud.data('me', {}, racer);
    const grids = ['410399001001-01', '410399001001-02', '410399001001-03', '410399001001-04', '410399001001-05', '410399001001-06'];
    const answers = await Promise.all(grids.map((gridCode) => cloud.call('joinGrid', { gridCode }, racer)));
    expect(answers.map((answer) => answer.ok)).toEqual(grids.map(() => true));
    expect(await count('gridJoins', { openid: racer })).toBe(grids.length);
    expect(grids).toContain((await cloud.data<Me>('me', {}, racer)).joinedGrid?.code);
  });
});
