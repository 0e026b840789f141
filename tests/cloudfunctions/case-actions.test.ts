import { DEMO, draftKey, reportEvent, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

type Person = { id: string; name: string; role: string; self: boolean };
type Actions = { moves: string[]; people: Person[]; departments: string[]; assignee?: { kind: string; name: string } };

const WORKER_04 = 'o-demo-grid-worker-04'; // 薛淑华, a second 网格员 of grid -03

let cloud: FunctionsCloud;
// The functions are rebuilt under a lock other suites may hold: the hook waits for the work, not the clock.
beforeAll(async () => {
  cloud = await startFunctionsCloud();
}, 300_000);
afterAll(async () => cloud?.stop());

const ok = (name: string, event: Record<string, unknown>, openid: string) => cloud.data(name, event, openid);
// The case's moves by the transition table. 撤销奖励 (reverseAward), offered beside them to a supervisor once an
// accepted report's award paid something, is the ledger's move and is tested in points/informant-standing.test.ts.
const actions = async (reportId: string, openid: string): Promise<Actions> => {
  const answer = await cloud.data<Actions>('caseActions', { reportId }, openid);
  return { ...answer, moves: answer.moves.filter((move) => move !== 'reverseAward') };
};
const names = (people: Person[]) => people.map((person) => person.name).sort();

/** A report in grid -03 (环境卫生, co-handled by 环卫所), moved on by the demo grid's staff. */
async function caseAt(until: 'submitted' | 'accepted' | 'assigned' | 'in_progress' | 'resolved'): Promise<string> {
  const { report } = await cloud.data<{ report: { id: string } }>('submitReport', reportEvent(), DEMO.resident);
  const reportId = report.id;
  if (until === 'submitted') return reportId;
  await ok('acceptReport', { reportId }, DEMO.gridWorker);
  if (until === 'accepted') return reportId;
  await ok('assignReport', { reportId, to: { kind: 'person', personId: 'u-grid-worker-04' } }, DEMO.gridLeader);
  if (until === 'assigned') return reportId;
  await ok('startReport', { reportId }, WORKER_04);
  if (until === 'in_progress') return reportId;
  await ok('resolveReport', { reportId, photos: [], note: '已清理', uploadKey: draftKey() }, WORKER_04);
  return reportId;
}

describe('caseActions: the moves the caller may make now, by the transition table', () => {
  it('offers 受理 and 不予受理 on a submitted case to its grid worker, nothing to its reporter', async () => {
    const id = await caseAt('submitted');
    expect(await actions(id, DEMO.gridWorker)).toEqual({
      moves: ['accept', 'reject'],
      people: [],
      departments: [],
      reporterPhone: '13800000119',
    });
    expect(await actions(id, DEMO.resident)).toEqual({ moves: [], people: [], departments: [] });
  });

  it("never gives an anonymous reporter's phone, not even to a centre that sees who it was", async () => {
    const { report } = await cloud.data<{ report: { id: string } }>('submitReport', reportEvent({ anonymous: true }), DEMO.resident);
    expect(await actions(report.id, DEMO.gridWorker)).not.toHaveProperty('reporterPhone');
    expect(await actions(report.id, DEMO.communityCentre)).not.toHaveProperty('reporterPhone');
  });

  it('lets the grid leader hand an accepted case to any 网格员 or 网格长 of the grid or its department, a 网格员 only to himself', async () => {
    const id = await caseAt('accepted');
    const leader = await actions(id, DEMO.gridLeader);
    // The grid's staff own the case, so may also take it up a level (上报上级).
    expect(leader.moves).toEqual(['assign', 'escalate']);
    expect(names(leader.people)).toEqual(['薛淑华', '赵丽', '陈志强'].sort());
    expect(leader.people.find((person) => person.self)).toMatchObject({ name: '陈志强', role: 'gridLeader' });
    expect(leader.departments).toEqual(['环卫所']);
    const worker = await actions(id, DEMO.gridWorker);
    expect(worker).toMatchObject({ moves: ['assign', 'escalate'], departments: [] });
    expect(worker.people).toEqual([{ id: 'u-grid-worker-03', name: '赵丽', role: 'gridWorker', self: true }]);
  });

  it('gives 开始处置 and then 办结 to the assignee alone, and names who holds the case', async () => {
    const id = await caseAt('assigned');
    expect(await actions(id, WORKER_04)).toMatchObject({ moves: ['start', 'escalate'], assignee: { kind: 'person', name: '薛淑华' } });
    expect((await actions(id, DEMO.gridWorker)).moves).toEqual(['escalate']);
    await ok('startReport', { reportId: id }, WORKER_04);
    expect((await actions(id, WORKER_04)).moves).toEqual(['resolve', 'escalate']);
  });

  it('lets the grid leader 改派 an assigned or started case to anyone but whoever has it, never a 网格员', async () => {
    const id = await caseAt('assigned');
    const leader = await actions(id, DEMO.gridLeader);
    expect(leader.moves).toEqual(['reassign', 'escalate']);
    expect(names(leader.people)).toEqual(['赵丽', '陈志强'].sort());
    expect(leader.departments).toEqual(['环卫所']);
    expect((await actions(id, DEMO.gridWorker)).moves).toEqual(['escalate']);
    await ok('startReport', { reportId: id }, WORKER_04);
    expect((await actions(id, DEMO.gridLeader)).moves).toEqual(['reassign', 'escalate']);
    expect((await actions(id, WORKER_04)).moves).toEqual(['resolve', 'escalate']);
  });

  it('gives 结案 and 返工 to the verifier, never to the one who resolved it', async () => {
    const id = await caseAt('resolved');
    expect((await actions(id, DEMO.gridLeader)).moves).toEqual(['close', 'rework']);
    // A resolved case is still open: the centre above may 督办 it.
    expect((await actions(id, DEMO.communityCentre)).moves).toEqual(['close', 'rework', 'supervise']);
    expect((await actions(id, WORKER_04)).moves).toEqual([]);
  });

  it('does not find a case in another grid', async () => {
    const id = await caseAt('submitted');
    expect(await cloud.call('caseActions', { reportId: id }, DEMO.gridWorkerElsewhere)).toMatchObject({
      ok: false,
      code: 'REPORT.NOT_FOUND',
    });
  });
});
