import { DEMO, reportEvent, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

type Summary = { id: string; status: string };
type Timeline = { report: { status: string; rating?: { satisfaction: number; comment?: string }; events: Event[] } };
type Event = { type: string; status: string; note?: string; actor?: { id: string; name: string } };
type Stored = { status: string; acceptedAt?: number; resolvedAt?: number; resolvedBy?: string; deadlineAt: number; events: unknown[] };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const userId = async (openid: string) => {
  const [user] = await cloud.find<{ _id: string; name: string }>('users', { openid });
  if (!user) throw new Error(`no user ${openid}`);
  return user;
};
const stored = async (id: string) => (await cloud.get<Stored>('reports', id)) as Stored;
const verify = (reportId: string, openid: string, decision: 'close' | 'rework', note?: string) =>
  cloud.call<{ report: Summary }>('verifyReport', { reportId, decision, ...(note !== undefined && { note }) }, openid);
const rate = (reportId: string, openid: string, satisfaction: number, comment?: string) =>
  cloud.call<{ report: Summary }>('rateReport', { reportId, satisfaction, ...(comment !== undefined && { comment }) }, openid);
const timeline = (reportId: string, openid: string) => cloud.data<Timeline>('reportDetail', { reportId }, openid);

/**
 * A case of the reporter's in the demo grid, accepted through acceptReport, then taken to `resolved` by
 * `resolver` by writing the steps assignReport/startReport/resolveReport would make (assigned, started,
 * resolved) straight into the document, as report-photos.test.ts does: those functions are built elsewhere.
 */
async function resolvedCase(
  reporter: string = DEMO.resident,
  resolver: string = DEMO.gridWorker,
): Promise<{ id: string; acceptedDeadline: number }> {
  const { report } = await cloud.data<{ report: Summary }>('submitReport', reportEvent(), reporter);
  await cloud.data('acceptReport', { reportId: report.id, note: '已受理' }, DEMO.gridWorker);
  const accepted = await stored(report.id);
  const person = await userId(resolver);
  const at = Date.now();
  const step = (seq: number, type: string, status: string, extra: object = {}) => ({
    seq,
    type,
    at,
    actorId: person._id,
    actorName: person.name,
    status,
    ...extra,
  });
  const next = accepted.events.length;
  const assignee = { kind: 'person', personId: person._id };
  const _ = cloud.db().command;
  await cloud
    .db()
    .collection('reports')
    .doc(report.id)
    .update({
      data: {
        status: 'resolved',
        assignee,
        resolvedBy: person._id,
        resolvedAt: at,
        events: _.push([
          step(next, 'assigned', 'assigned', { assignee }),
          step(next + 1, 'started', 'in_progress'),
          step(next + 2, 'resolved', 'resolved', { note: '已清理完毕' }),
        ]),
        version: _.inc(1),
      },
    });
  return { id: report.id, acceptedDeadline: accepted.deadlineAt };
}

async function closedCase(reporter: string = DEMO.resident): Promise<string> {
  const { id } = await resolvedCase(reporter);
  await cloud.data('verifyReport', { reportId: id, decision: 'close', note: '现场核实已整改' }, DEMO.gridLeader);
  return id;
}

describe('verifyReport (核查)', () => {
  it('lets the grid leader close a resolved case, and the resident sees 结案 on the timeline', async () => {
    const { id } = await resolvedCase();
    const answer = await verify(id, DEMO.gridLeader, 'close', '现场核实已整改');
    expect(answer).toMatchObject({ ok: true, data: { report: { id, status: 'closed' } } });
    const { report } = await timeline(id, DEMO.resident);
    expect(report.status).toBe('closed');
    expect(report.events.at(-1)).toMatchObject({ type: 'closed', status: 'closed', note: '现场核实已整改' });
  });

  it('lets a centre above the grid close it too', async () => {
    const { id } = await resolvedCase();
    expect(await verify(id, DEMO.communityCentre, 'close')).toMatchObject({ ok: true, data: { report: { status: 'closed' } } });
  });

  it('never lets the resolver close their own work', async () => {
    const { id } = await resolvedCase(DEMO.resident, DEMO.gridLeader);
    expect(await verify(id, DEMO.gridLeader, 'close')).toMatchObject({ ok: false, code: 'REPORT.SELF_VERIFY' });
    expect((await stored(id)).status).toBe('resolved');
  });

  it('refuses the grid worker, the resident, and the worker of another grid', async () => {
    const { id } = await resolvedCase();
    expect(await verify(id, DEMO.gridWorker, 'close')).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect(await verify(id, DEMO.resident, 'close')).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect(await verify(id, DEMO.otherResident, 'close')).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
    expect(await verify(id, DEMO.gridWorkerElsewhere, 'rework', '重做')).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
    expect((await stored(id)).status).toBe('resolved');
  });

  it('refuses a case that is not resolved yet', async () => {
    const { report } = await cloud.data<{ report: Summary }>('submitReport', reportEvent(), DEMO.resident);
    expect(await verify(report.id, DEMO.gridLeader, 'close')).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' });
  });

  it('sends a case back for rework only with a note', async () => {
    const { id } = await resolvedCase();
    expect(await verify(id, DEMO.gridLeader, 'rework')).toMatchObject({ ok: false, code: 'REPORT.NOTE_REQUIRED' });
    expect(await verify(id, DEMO.gridLeader, 'rework', '  ')).toMatchObject({ ok: false, code: 'REPORT.NOTE_REQUIRED' });
    expect((await stored(id)).status).toBe('resolved');
  });

  it('puts a reworked case back in progress with the deadline set at acceptance (the clock does not restart)', async () => {
    const { id, acceptedDeadline } = await resolvedCase();
    const before = await stored(id);
    const answer = await verify(id, DEMO.gridLeader, 'rework', '垃圾还在，请重新清理');
    expect(answer).toMatchObject({ ok: true, data: { report: { status: 'in_progress' } } });
    const after = await stored(id);
    expect(after).toMatchObject({ status: 'in_progress', acceptedAt: before.acceptedAt, deadlineAt: acceptedDeadline });
    expect(after.resolvedAt).toBeUndefined();
    expect(after.resolvedBy).toBeUndefined();
    expect(after.events).toHaveLength(before.events.length + 1);
    expect(after.events.at(-1)).toMatchObject({ type: 'reworked', status: 'in_progress', note: '垃圾还在，请重新清理' });
  });
});

describe('rateReport (评价)', () => {
  it('lets the reporter rate a closed case once, with a comment', async () => {
    const id = await closedCase();
    expect(await rate(id, DEMO.resident, 4, '处理得挺快')).toMatchObject({ ok: true, data: { report: { id, status: 'rated' } } });
    const { report } = await timeline(id, DEMO.resident);
    expect(report.rating).toEqual({ satisfaction: 4, comment: '处理得挺快' });
    expect(report.events.at(-1)).toMatchObject({ type: 'rated', status: 'rated' });
  });

  it('refuses a second rating', async () => {
    const id = await closedCase();
    await cloud.data('rateReport', { reportId: id, satisfaction: 2 }, DEMO.resident);
    expect(await rate(id, DEMO.resident, 5)).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' });
    expect((await timeline(id, DEMO.resident)).report.rating).toEqual({ satisfaction: 2 });
  });

  it('refuses a rating before the case is closed', async () => {
    const { id } = await resolvedCase();
    expect(await rate(id, DEMO.resident, 5)).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' });
  });

  it('refuses anyone but the reporter: another resident does not find the case, staff may not rate it', async () => {
    const id = await closedCase();
    expect(await rate(id, DEMO.otherResident, 1)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
    expect(await rate(id, DEMO.gridLeader, 5)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect((await stored(id)).status).toBe('closed');
  });

  it('refuses a satisfaction outside 1 to 5 before touching the case', async () => {
    const id = await closedCase();
    for (const satisfaction of [0, 6, 2.5]) expect((await rate(id, DEMO.resident, satisfaction)).ok).toBe(false);
    expect((await stored(id)).status).toBe('closed');
  });
});
