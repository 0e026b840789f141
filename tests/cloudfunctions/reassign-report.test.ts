import { DEMO, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { caseMovedTo } from './security/handling-fixtures';
import { GRID_A, GRID_B, reportIn } from './security/report-fixtures';

type Stored = { status: string; assignee?: unknown; acceptedAt?: number; deadlineAt: number; events: Array<Record<string, unknown>> };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const ZHAO_LI = 'u-grid-worker-03'; // 网格员 of grid A, who takes the fixture cases himself
const XUE = 'u-grid-worker-04'; // another 网格员 of grid A
const toXue = { kind: 'person', personId: XUE };
const reassign = (reportId: string, openid: string, to: unknown = toXue, reason = '赵丽请假，改由薛淑华办理') =>
  cloud.call<{ report: { status: string } }>('reassignReport', { reportId, to, reason }, openid);
const stored = async (id: string) => (await cloud.get<Stored>('reports', id)) as Stored;

describe('reassignReport (改派)', () => {
  it('hands a started case to another 网格员 of the grid with the reason, from whom to whom on the timeline, the clock untouched', async () => {
    const id = await caseMovedTo(cloud, GRID_A, 'in_progress');
    const before = await stored(id);
    expect(await reassign(id, DEMO.gridLeader)).toMatchObject({ ok: true, data: { report: { status: 'assigned' } } });
    const after = await stored(id);
    expect(after.assignee).toEqual(toXue);
    expect(after.events.at(-1)).toMatchObject({
      type: 'reassigned',
      status: 'assigned',
      note: '赵丽请假，改由薛淑华办理',
      assignee: toXue,
      previousAssignee: { kind: 'person', personId: ZHAO_LI },
    });
    expect([after.acceptedAt, after.deadlineAt]).toEqual([before.acceptedAt, before.deadlineAt]);
    // The new assignee starts afresh; the one who had it may no longer.
    expect(await cloud.call('startReport', { reportId: id }, DEMO.gridWorker)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect(await cloud.call('startReport', { reportId: id }, 'o-demo-grid-worker-04')).toMatchObject({ ok: true });
  });

  it('is refused per the table: not before assignment, not by the 网格员, and to nobody outside the grid', async () => {
    const accepted = await caseMovedTo(cloud, GRID_A, 'accepted');
    expect(await reassign(accepted, DEMO.gridLeader)).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' });
    const assigned = await caseMovedTo(cloud, GRID_A, 'assigned');
    expect(await reassign(assigned, DEMO.gridWorker)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    const elsewhere = { kind: 'person', personId: 'u-grid-worker-10' };
    expect(await reassign(assigned, DEMO.gridLeader, elsewhere)).toMatchObject({ ok: false, code: 'REPORT.INVALID_ASSIGNEE' });
    const same = { kind: 'person', personId: ZHAO_LI };
    expect(await reassign(assigned, DEMO.gridLeader, same)).toMatchObject({ ok: false, code: 'REPORT.INVALID_ASSIGNEE' });
    expect(await reassign(assigned, DEMO.gridLeader, toXue, '  ')).toMatchObject({ ok: false, code: 'REPORT.NOTE_REQUIRED' });
    expect((await stored(assigned)).assignee).toEqual(same);
  });

  it('does not let another grid’s 网格员 touch the case: he does not even find it', async () => {
    const assigned = await caseMovedTo(cloud, GRID_A, 'assigned');
    expect(await reassign(assigned, DEMO.gridWorkerElsewhere)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
    const inB = await caseMovedTo(cloud, GRID_B, 'assigned');
    expect(await reassign(inB, DEMO.gridLeader)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
  });

  it('answers every refusal with a Chinese sentence, not the code', async () => {
    const submitted = await reportIn(cloud, GRID_A);
    const answer = await reassign(submitted, DEMO.gridLeader);
    expect(answer).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION', message: '这件事现在的状态不能做这一步' });
  });
});
