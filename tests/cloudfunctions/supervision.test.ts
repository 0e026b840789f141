import { DEMO, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { caseMovedTo } from './security/handling-fixtures';
import { GRID_A, handledReportIn, reportIn } from './security/report-fixtures';

type Summary = { id: string; status: string };
type Stored = { status: string; ownerCode: string; ownerLevel: string; assignee?: unknown; supervisionPending: boolean; events: Step[] };
type Step = { type: string; status: string; note?: string; owner?: { code: string; level: string } };

const STREET_CENTRE = 'o-demo-centre-03'; // 高振华, street 410399001
const COMMUNITY = '410399001001';

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const call = (name: string, event: Record<string, unknown>, openid: string) => cloud.call<{ report: Summary }>(name, event, openid);
const stored = async (id: string) => (await cloud.get<Stored>('reports', id)) as Stored;
const escalate = (reportId: string, openid: string, reason = '需社区协调') => call('escalateReport', { reportId, reason }, openid);
const supervise = (reportId: string, openid: string, note = '请三日内办结') => call('superviseReport', { reportId, note }, openid);
const answer = (reportId: string, openid: string, note = '已安排，明天办结') => call('answerSupervision', { reportId, note }, openid);

/** Whether the caller's inbox (open cases they own) lists the case, over all its pages. */
async function inboxLists(openid: string, reportId: string): Promise<boolean> {
  let cursor: string | undefined;
  do {
    const page = await cloud.data<{ items: Array<{ id: string }>; nextCursor: string | null }>(
      'inbox',
      { limit: 50, ...(cursor && { cursor }) },
      openid,
    );
    if (page.items.some((item) => item.id === reportId)) return true;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return false;
}

describe('escalateReport (上报上级)', () => {
  it('moves ownership one level up, accepted and unassigned there, keeping the history', async () => {
    const id = await caseMovedTo(cloud, GRID_A, 'assigned');
    expect(await inboxLists(DEMO.gridWorker, id)).toBe(true);
    expect(await escalate(id, DEMO.gridWorker)).toMatchObject({ ok: true, data: { report: { id, status: 'accepted' } } });
    const after = await stored(id);
    expect(after).toMatchObject({ ownerCode: COMMUNITY, ownerLevel: 'community', status: 'accepted' });
    expect(after.assignee).toBeUndefined();
    expect(after.events.map((step) => step.type)).toEqual(['submitted', 'accepted', 'assigned', 'escalated']);
    expect(after.events.at(-1)).toMatchObject({ status: 'accepted', note: '需社区协调', owner: { code: COMMUNITY, level: 'community' } });
    expect(await inboxLists(DEMO.gridWorker, id)).toBe(false);
    expect(await inboxLists(DEMO.communityCentre, id)).toBe(true);
    // The grid's staff see it still (its timeline is theirs too), but it is no longer theirs to move.
    expect(await escalate(id, DEMO.gridWorker)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
  });

  it('climbs community → street → county and is refused at the county', async () => {
    const id = await caseMovedTo(cloud, GRID_A, 'accepted');
    await cloud.data('escalateReport', { reportId: id, reason: '需社区协调' }, DEMO.gridWorker);
    await cloud.data('escalateReport', { reportId: id, reason: '需街道协调' }, DEMO.communityCentre);
    await cloud.data('escalateReport', { reportId: id, reason: '需县里协调' }, STREET_CENTRE);
    expect(await stored(id)).toMatchObject({ ownerLevel: 'county', ownerCode: '410399' });
    expect(await escalate(id, DEMO.countyCentre)).toMatchObject({ ok: false, code: 'REPORT.CANNOT_ESCALATE' });
    expect((await stored(id)).events.filter((step) => step.type === 'escalated').map((step) => step.owner?.level)).toEqual([
      'community',
      'street',
      'county',
    ]);
  });

  it('is refused before 受理 and after 办结, to a centre above the owner, and without a reason', async () => {
    const submitted = await reportIn(cloud, GRID_A);
    expect(await escalate(submitted, DEMO.gridWorker)).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' });
    const resolved = await handledReportIn(cloud, GRID_A, 'resolved');
    expect(await escalate(resolved, DEMO.gridWorker)).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' });
    const open = await caseMovedTo(cloud, GRID_A, 'accepted');
    expect(await escalate(open, DEMO.communityCentre)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect(await escalate(open, DEMO.police)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect(await escalate(open, DEMO.gridWorker, ' \u200b ')).toMatchObject({ ok: false, code: 'REPORT.NOTE_REQUIRED' });
    expect(await stored(open)).toMatchObject({ ownerLevel: 'grid', status: 'accepted' });
  });
});

describe('superviseReport and answerSupervision (督办, 回复督办)', () => {
  it('leaves a 督办 the owner must answer: pending until answered, both on the timeline', async () => {
    const id = await caseMovedTo(cloud, GRID_A, 'in_progress');
    expect(await supervise(id, DEMO.communityCentre)).toMatchObject({ ok: true, data: { report: { id, status: 'in_progress' } } });
    expect(await stored(id)).toMatchObject({ supervisionPending: true, status: 'in_progress' });
    // Only the owner answers: not the centre that supervised, not a co-handling department.
    expect(await answer(id, DEMO.communityCentre)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect(await answer(id, DEMO.police)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect(await answer(id, DEMO.gridLeader)).toMatchObject({ ok: true });
    const after = await stored(id);
    expect(after.supervisionPending).toBe(false);
    expect(after.events.slice(-2).map((step) => [step.type, step.status, step.note])).toEqual([
      ['supervised', 'in_progress', '请三日内办结'],
      ['supervision_answered', 'in_progress', '已安排，明天办结'],
    ]);
    expect(await answer(id, DEMO.gridLeader)).toMatchObject({ ok: false, code: 'REPORT.NO_SUPERVISION' });
  });

  it('is a centre strictly above the owner, on an open case', async () => {
    const id = await caseMovedTo(cloud, GRID_A, 'accepted');
    expect(await supervise(id, DEMO.gridLeader)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    await cloud.data('escalateReport', { reportId: id, reason: '需社区协调' }, DEMO.gridWorker);
    // Owned by the community now: its own centre does not supervise itself; the county does.
    expect(await supervise(id, DEMO.communityCentre)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect(await supervise(id, DEMO.countyCentre)).toMatchObject({ ok: true });
    expect(await answer(id, DEMO.gridWorker)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect((await stored(id)).supervisionPending).toBe(true);
    expect(await answer(id, DEMO.communityCentre)).toMatchObject({ ok: true });
    expect((await stored(id)).supervisionPending).toBe(false);
    const closed = await handledReportIn(cloud, GRID_A, 'closed');
    expect(await supervise(closed, DEMO.countyCentre)).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' });
  });
});

describe('a grid worker of another grid', () => {
  it('cannot escalate, supervise or answer a case of grid A: to him it does not exist', async () => {
    const id = await caseMovedTo(cloud, GRID_A, 'accepted');
    await cloud.data('superviseReport', { reportId: id, note: '请尽快' }, DEMO.communityCentre);
    for (const attempt of [
      escalate(id, DEMO.gridWorkerElsewhere),
      supervise(id, DEMO.gridWorkerElsewhere),
      answer(id, DEMO.gridWorkerElsewhere),
    ])
      expect(await attempt).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
    expect(await stored(id)).toMatchObject({ ownerLevel: 'grid', supervisionPending: true, status: 'accepted' });
  });
});
