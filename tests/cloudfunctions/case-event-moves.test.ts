import { DEMO, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { caseMovedTo } from './security/handling-fixtures';
import { GRID_A, GRID_B } from './security/report-fixtures';

type Actions = { moves: string[]; grids?: Array<{ code: string; name: string }> };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const actionsOf = async (reportId: string, openid: string) => cloud.data<Actions>('caseActions', { reportId }, openid);
const EVENT_MOVES = new Set(['escalate', 'handBack', 'supervise', 'answerSupervision']);
const eventMoves = async (reportId: string, openid: string) => (await actionsOf(reportId, openid)).moves.filter((m) => EVENT_MOVES.has(m));

describe('caseActions offers 上报上级, 下派, 督办 and 回复督办 by the shared rules', () => {
  it('offers the grid 上报上级, the community 督办, and the grid 回复督办 once supervised', async () => {
    const id = await caseMovedTo(cloud, GRID_A, 'assigned');
    expect(await eventMoves(id, DEMO.gridWorker)).toEqual(['escalate']);
    expect(await eventMoves(id, DEMO.communityCentre)).toEqual(['supervise']);
    expect(await eventMoves(id, DEMO.police)).toEqual([]);
    await cloud.data('superviseReport', { reportId: id, note: '请尽快办结' }, DEMO.communityCentre);
    expect(await eventMoves(id, DEMO.gridLeader)).toEqual(['escalate', 'answerSupervision']);
    expect((await actionsOf(id, DEMO.gridLeader)).grids).toBeUndefined();
  });

  it('offers the community, once it owns the case, 上报上级 and 下派 to each of its grids, and the county 督办', async () => {
    const id = await caseMovedTo(cloud, GRID_A, 'accepted');
    await cloud.data('escalateReport', { reportId: id, reason: '需社区协调' }, DEMO.gridWorker);
    expect(await eventMoves(id, DEMO.gridWorker)).toEqual([]);
    const community = await actionsOf(id, DEMO.communityCentre);
    expect(community.moves.filter((m) => EVENT_MOVES.has(m))).toEqual(['escalate', 'handBack']);
    const codes = community.grids?.map((grid) => grid.code) ?? [];
    expect(codes).toEqual([...codes].sort());
    expect(codes).toEqual(expect.arrayContaining([GRID_A, GRID_B]));
    expect(codes.every((code) => code.startsWith('410399001001-'))).toBe(true);
    expect(community.grids?.find((grid) => grid.code === GRID_A)?.name).toMatch(/网格/);
    expect(await eventMoves(id, DEMO.countyCentre)).toEqual(['supervise']);
    // A grid offered is a grid the move accepts.
    expect(
      await cloud.call('handBackReport', { reportId: id, gridCode: codes.at(-1), reason: '属网格职责' }, DEMO.communityCentre),
    ).toMatchObject({
      ok: true,
    });
  });

  it('offers no 下派 once the centre has dispatched the case', async () => {
    const id = await caseMovedTo(cloud, GRID_A, 'accepted');
    await cloud.data('escalateReport', { reportId: id, reason: '需社区协调' }, DEMO.gridWorker);
    await cloud.data('assignReport', { reportId: id, to: { kind: 'department', department: '环卫所' } }, DEMO.communityCentre);
    const community = await actionsOf(id, DEMO.communityCentre);
    expect(community.moves).not.toContain('handBack');
    expect(community.grids).toBeUndefined();
  });
});
