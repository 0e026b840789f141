import { DEMO, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { GRID_A, handledReportIn } from './security/report-fixtures';

type Summary = { id: string; status: string };
type Event = { type: string; status: string; note?: string };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const DAY = 86_400_000;
const reopen = (reportId: string, openid: string, note = '垃圾又堆起来了，没有清干净') =>
  cloud.call<{ report: Summary }>('reopenReport', { reportId, note }, openid);
const statusOf = async (id: string) => (await cloud.get<{ status: string }>('reports', id))?.status;

/** A case of DEMO.resident's in grid A, resolved by its 网格员, closed, and rated by the resident. */
async function ratedCase(satisfaction: number): Promise<string> {
  const id = await handledReportIn(cloud, GRID_A, 'closed', DEMO.resident);
  await cloud.data('rateReport', { reportId: id, satisfaction }, DEMO.resident);
  return id;
}

/** Moves the case's 结案 back in time, as if it had been closed `days` ago. */
async function closedDaysAgo(id: string, days: number): Promise<void> {
  const stored = await cloud.get<{ events: Event[] }>('reports', id);
  const index = stored?.events.findIndex((event) => event.type === 'closed') ?? -1;
  await cloud
    .db()
    .collection('reports')
    .doc(id)
    .update({ data: { [`events.${index}.at`]: Date.now() - days * DAY } });
}

describe('reopenReport (不满意，申请重新办理)', () => {
  it('sends a case rated 不满意 back to the verifier with the note, who may then send it back for rework', async () => {
    const id = await ratedCase(2);
    expect(await reopen(id, DEMO.resident)).toMatchObject({ ok: true, data: { report: { id, status: 'resolved' } } });
    const { report } = await cloud.data<{ report: { events: Event[] } }>('reportDetail', { reportId: id }, DEMO.resident);
    expect(report.events.at(-1)).toMatchObject({ type: 'reopened', status: 'resolved', note: '垃圾又堆起来了，没有清干净' });
    const rework = { reportId: id, decision: 'rework', note: '请重新清理' };
    expect(await cloud.call('verifyReport', rework, DEMO.gridLeader)).toMatchObject({
      ok: true,
      data: { report: { status: 'in_progress' } },
    });
  });

  it('reopens once: closed and rated 不满意 again, the case cannot be reopened a second time', async () => {
    const id = await ratedCase(1);
    await cloud.data('reopenReport', { reportId: id, note: '没修好' }, DEMO.resident);
    await cloud.data('verifyReport', { reportId: id, decision: 'close', note: '已复核' }, DEMO.gridLeader);
    await cloud.data('rateReport', { reportId: id, satisfaction: 1 }, DEMO.resident);
    expect(await reopen(id, DEMO.resident)).toMatchObject({ ok: false, code: 'REPORT.CANNOT_REOPEN' });
    expect(await statusOf(id)).toBe('rated');
  });

  it('refuses a case rated 3 or more', async () => {
    const id = await ratedCase(3);
    expect(await reopen(id, DEMO.resident)).toMatchObject({ ok: false, code: 'REPORT.CANNOT_REOPEN' });
    expect(await statusOf(id)).toBe('rated');
  });

  it('refuses more than 7 days after the close, and allows it inside them', async () => {
    const late = await ratedCase(1);
    await closedDaysAgo(late, 8);
    expect(await reopen(late, DEMO.resident)).toMatchObject({ ok: false, code: 'REPORT.CANNOT_REOPEN' });
    const inTime = await ratedCase(1);
    await closedDaysAgo(inTime, 6);
    expect(await reopen(inTime, DEMO.resident)).toMatchObject({ ok: true });
  });

  it('requires a note, and the reporter: another resident does not find it, staff may not reopen it', async () => {
    const id = await ratedCase(1);
    expect(await reopen(id, DEMO.resident, ' ')).toMatchObject({ ok: false });
    expect(await reopen(id, DEMO.otherResident)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
    expect(await reopen(id, DEMO.gridLeader)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect(await statusOf(id)).toBe('rated');
  });
});
