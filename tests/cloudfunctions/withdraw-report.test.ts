import { DEMO, reportEvent, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

type Summary = { id: string; status: string; light: string | null };
type Event = { type: string; status: string; note?: string };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const submitted = async (reporter: string = DEMO.resident) =>
  (await cloud.data<{ report: Summary }>('submitReport', reportEvent(), reporter)).report.id;
const withdraw = (reportId: string, openid: string, note?: string) =>
  cloud.call<{ report: Summary }>('withdrawReport', { reportId, ...(note !== undefined && { note }) }, openid);
const statusOf = async (id: string) => (await cloud.get<{ status: string }>('reports', id))?.status;

describe('withdrawReport (撤回)', () => {
  it('lets the reporter take back a report nobody accepted yet: withdrawn, no light, the note on the timeline', async () => {
    const id = await submitted();
    expect(await withdraw(id, DEMO.resident, '已经自己处理好了')).toMatchObject({
      ok: true,
      data: { report: { id, status: 'withdrawn', light: null } },
    });
    const { report } = await cloud.data<{ report: { events: Event[] } }>('reportDetail', { reportId: id }, DEMO.resident);
    expect(report.events.at(-1)).toMatchObject({ type: 'withdrawn', status: 'withdrawn', note: '已经自己处理好了' });
  });

  it('takes no note as well', async () => {
    const id = await submitted();
    expect(await withdraw(id, DEMO.resident)).toMatchObject({ ok: true, data: { report: { status: 'withdrawn' } } });
  });

  it("does not find someone else's report, and leaves it as it was", async () => {
    const id = await submitted(DEMO.otherResident);
    expect(await withdraw(id, DEMO.resident)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
    expect(await statusOf(id)).toBe('submitted');
  });

  it('refuses once the report is accepted', async () => {
    const id = await submitted();
    await cloud.data('acceptReport', { reportId: id }, DEMO.gridWorker);
    expect(await withdraw(id, DEMO.resident)).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' });
    expect(await statusOf(id)).toBe('accepted');
  });

  it('ends it for good: staff can no longer accept it, so it never earns points, and it cannot be withdrawn twice', async () => {
    const id = await submitted();
    await cloud.data('withdrawReport', { reportId: id }, DEMO.resident);
    expect(await cloud.call('acceptReport', { reportId: id }, DEMO.gridWorker)).toMatchObject({
      ok: false,
      code: 'REPORT.INVALID_TRANSITION',
    });
    expect(await withdraw(id, DEMO.resident)).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' });
    expect(await statusOf(id)).toBe('withdrawn');
  });
});
