import { DEMO, reportEvent, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

type Summary = { id: string; submittedAt: number };
type Submitted = { report: Summary };
type Detail = {
  id: string;
  anonymous: boolean;
  reporter?: { id: string; name: string };
  location?: [number, number];
  events: { seq: number; type: string; status: string; actor?: { id: string; name: string }; note?: string }[];
};
type Page = { items: Summary[]; nextCursor: string | null };

let cloud: FunctionsCloud;
let named: string;
let anonymous: string;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
  named = (await cloud.data<Submitted>('submitReport', reportEvent(), DEMO.resident)).report.id;
  anonymous = (await cloud.data<Submitted>('submitReport', reportEvent({ anonymous: true }), DEMO.resident)).report.id;
});
afterAll(async () => cloud?.stop());

const detail = (reportId: string, openid: string) => cloud.call<{ report: Detail }>('reportDetail', { reportId }, openid);
const detailData = async (reportId: string, openid: string) =>
  (await cloud.data<{ report: Detail }>('reportDetail', { reportId }, openid)).report;

describe('reportDetail: who may read a report', () => {
  it('shows the reporter her report with its place (by name, issue 9 item 7: no coordinates to a resident) and timeline', async () => {
    const report = await detailData(named, DEMO.resident);
    expect(report).toMatchObject({ id: named, communityName: '城关社区', reporter: { id: 'u-resident-01', name: '张秀兰' } });
    expect(report).not.toHaveProperty('location');
    expect(report.events).toEqual([
      {
        seq: 0,
        type: 'submitted',
        at: expect.any(Number),
        status: 'submitted',
        actor: { id: 'u-resident-01', name: '张秀兰', role: 'reporter' },
      },
    ]);
  });

  it('does not let a resident read another resident’s report: to her it does not exist', async () => {
    expect(await detail(named, DEMO.otherResident)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
    expect(await detail(named, 'o-someone-never-seen')).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
  });

  it('does not let staff of another grid read it', async () => {
    expect(await detail(named, DEMO.gridWorkerElsewhere)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
  });

  it('lets the grid’s staff (网格员, 网格长, 网格警) and the centres above read it', async () => {
    for (const openid of [DEMO.gridWorker, DEMO.gridLeader, DEMO.police, DEMO.communityCentre, DEMO.countyCentre]) {
      expect(await detail(named, openid)).toMatchObject({ ok: true, data: { report: { id: named, reporter: { name: '张秀兰' } } } });
    }
  });

  it('answers REPORT.NOT_FOUND for an id that names nothing', async () => {
    expect(await detail('r000000000000000000000000', DEMO.countyCentre)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
  });
});

describe('anonymous reports', () => {
  it('hide the reporter from grid staff, in the report and in its timeline', async () => {
    for (const openid of [DEMO.gridWorker, DEMO.gridLeader]) {
      const report = await detailData(anonymous, openid);
      expect(report.anonymous).toBe(true);
      expect(report.reporter).toBeUndefined();
      expect(report.events[0]).not.toHaveProperty('actor');
      expect(JSON.stringify(report)).not.toContain('张秀兰');
    }
  });

  it('show the reporter to the centres and to the reporter herself', async () => {
    for (const openid of [DEMO.communityCentre, DEMO.countyCentre, DEMO.resident]) {
      expect((await detailData(anonymous, openid)).reporter).toEqual({ id: 'u-resident-01', name: '张秀兰' });
    }
  });

  it('show who acted on them to everyone who may read them', async () => {
    await cloud.data('acceptReport', { reportId: anonymous, note: '已受理' }, DEMO.gridWorker);
    const report = await detailData(anonymous, DEMO.resident);
    expect(report.events.map((e) => [e.type, e.status, e.actor?.name, e.note])).toEqual([
      ['submitted', 'submitted', '张秀兰', undefined],
      ['accepted', 'accepted', '赵丽', '已受理'],
    ]);
  });
});

describe('myReports', () => {
  const openid = 'o-prolific-resident';
  let mine: string[];
  beforeAll(async () => {
    mine = [];
    for (let i = 0; i < 5; i += 1)
      mine.push((await cloud.data<Submitted>('submitReport', reportEvent({ text: `第${i + 1}件事` }), openid)).report.id);
  });

  it('pages through the caller’s own reports, newest first, each once', async () => {
    const seen: Summary[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await cloud.data<Page>('myReports', { limit: 2, ...(cursor && { cursor }) }, openid);
      seen.push(...page.items);
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((item) => item.id).sort()).toEqual([...mine].sort());
    const newestFirst = seen.every((item, i) => i === 0 || (seen[i - 1] as Summary).submittedAt >= item.submittedAt);
    expect(newestFirst).toBe(true);
  });

  it('lists nobody else’s reports', async () => {
    const his = (await cloud.data<Submitted>('submitReport', reportEvent(), DEMO.otherResident)).report.id;
    const page = await cloud.data<Page>('myReports', { limit: 50 }, DEMO.otherResident);
    expect(page).toEqual({ items: [expect.objectContaining({ id: his })], nextCursor: null });
  });

  it('refuses a cursor it did not make with INPUT.INVALID', async () => {
    expect(await cloud.call('myReports', { cursor: 'not-a-cursor' }, openid)).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
  });
});
