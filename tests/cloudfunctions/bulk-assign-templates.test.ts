import { DEMO, PLACES, reportEvent, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { pointInGrid } from './helpers/demo-points';

/**
 * 批量派单 and 常用语 through the real functions: each case of a bulk assignment succeeds or fails on its
 * own, by assignReport's rule; a grid's templates are its 网格长's to change.
 */
const A = '410399001001-03';
const B = '410399001001-09';

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
}, 180_000);
afterAll(async () => cloud?.stop());

let reporters = 0;
async function acceptedIn(grid: string, worker: string): Promise<string> {
  reporters += 1;
  const event = reportEvent({ location: grid === A ? PLACES.demoGrid : pointInGrid(grid) });
  const { report } = await cloud.data<{ report: { id: string } }>('submitReport', event, `o-bulk-reporter-${reporters}`);
  await cloud.data('acceptReport', { reportId: report.id }, worker);
  return report.id;
}

type Results = { results: Array<{ reportId: string; ok: boolean; code?: string }> };
const toZhao = { kind: 'person', personId: 'u-grid-worker-03' } as const;

describe('assignReports (批量派单)', () => {
  it('assigns the cases it may and answers each one, in the order asked', async () => {
    const [first, second] = [await acceptedIn(A, DEMO.gridWorker), await acceptedIn(A, DEMO.gridWorker)];
    const elsewhere = await acceptedIn(B, DEMO.gridWorkerElsewhere);
    const notAccepted = (await cloud.data<{ report: { id: string } }>('submitReport', reportEvent(), 'o-bulk-reporter-x')).report.id;
    const reportIds = [first, 'r000000000000000000000000', elsewhere, notAccepted, second];
    const { results } = await cloud.data<Results>('assignReports', { reportIds, to: toZhao, note: '请尽快处理' }, DEMO.gridLeader);
    expect(results).toEqual([
      { reportId: first, ok: true },
      { reportId: 'r000000000000000000000000', ok: false, code: 'REPORT.NOT_FOUND' },
      { reportId: elsewhere, ok: false, code: 'REPORT.NOT_FOUND' },
      { reportId: notAccepted, ok: false, code: 'REPORT.INVALID_TRANSITION' },
      { reportId: second, ok: true },
    ]);
    for (const id of [first, second]) {
      const stored = await cloud.get<{ status: string; assignee: unknown; events: Array<{ type: string; note?: string }> }>('reports', id);
      expect(stored).toMatchObject({ status: 'assigned', assignee: toZhao });
      expect(stored?.events.at(-1)).toMatchObject({ type: 'assigned', note: '请尽快处理' });
    }
    expect(await cloud.get<{ status: string }>('reports', elsewhere)).toMatchObject({ status: 'accepted' });
  });

  it('refuses, case by case, an assignee the case may not go to', async () => {
    const mine = await acceptedIn(A, DEMO.gridWorker);
    const toGridB = { kind: 'person', personId: 'u-grid-worker-10' };
    const { results } = await cloud.data<Results>('assignReports', { reportIds: [mine], to: toGridB }, DEMO.gridLeader);
    expect(results).toEqual([{ reportId: mine, ok: false, code: 'REPORT.INVALID_ASSIGNEE' }]);
  });

  it('lets a 网格员 take cases himself, and no one else’s hand', async () => {
    const [one, two] = [await acceptedIn(A, DEMO.gridWorker), await acceptedIn(A, DEMO.gridWorker)];
    const toXue = { kind: 'person', personId: 'u-grid-worker-04' };
    expect((await cloud.data<Results>('assignReports', { reportIds: [one], to: toXue }, DEMO.gridWorker)).results).toEqual([
      { reportId: one, ok: false, code: 'REPORT.FORBIDDEN' },
    ]);
    expect((await cloud.data<Results>('assignReports', { reportIds: [one, two], to: toZhao }, DEMO.gridWorker)).results).toEqual([
      { reportId: one, ok: true },
      { reportId: two, ok: true },
    ]);
  });

  it('refuses more than 20 cases, or one named twice, before touching any', async () => {
    const one = await acceptedIn(A, DEMO.gridWorker);
    const many = Array.from({ length: 21 }, () => one);
    expect(await cloud.call('assignReports', { reportIds: many, to: toZhao }, DEMO.gridLeader)).toMatchObject({ code: 'INPUT.INVALID' });
    expect(await cloud.call('assignReports', { reportIds: [one, one], to: toZhao }, DEMO.gridLeader)).toMatchObject({
      code: 'INPUT.INVALID',
    });
    expect(await cloud.get<{ status: string }>('reports', one)).toMatchObject({ status: 'accepted' });
  });
});

type Templates = { gridCode: string; templates: Array<{ action: string; texts: string[]; custom: boolean }> };

describe('response templates (常用语)', () => {
  it('offers every move the defaults until the 网格长 sets the grid’s own', async () => {
    const before = await cloud.data<Templates>('responseTemplates', { gridCode: A }, DEMO.gridWorker);
    expect(before.templates.map((t) => t.action)).toEqual(['accept', 'reject', 'assign', 'start', 'resolve', 'close', 'rework']);
    expect(before.templates.every((t) => !t.custom && t.texts.length > 0)).toBe(true);

    const texts = ['  已受理，明天上午上门\u200b', '已受理，明天上午上门', '已转交物业'];
    const saved = await cloud.data<{ template: { texts: string[]; custom: boolean } }>(
      'saveResponseTemplates',
      { gridCode: A, action: 'accept', texts },
      DEMO.gridLeader,
    );
    expect(saved.template).toEqual({ action: 'accept', texts: ['已受理，明天上午上门', '已转交物业'], custom: true });
    const after = await cloud.data<Templates>('responseTemplates', { gridCode: A }, DEMO.police);
    expect(after.templates.find((t) => t.action === 'accept')).toEqual(saved.template);
    expect(after.templates.find((t) => t.action === 'reject')?.custom).toBe(false);
    // Grid B keeps the defaults: one grid's templates are its own.
    const otherGrid = await cloud.data<Templates>('responseTemplates', { gridCode: B }, DEMO.gridWorkerElsewhere);
    expect(otherGrid.templates.find((t) => t.action === 'accept')?.custom).toBe(false);

    await cloud.data('saveResponseTemplates', { gridCode: A, action: 'accept', texts: [] }, DEMO.gridLeader);
    const reset = await cloud.data<Templates>('responseTemplates', { gridCode: A }, DEMO.gridWorker);
    expect(reset.templates.find((t) => t.action === 'accept')?.custom).toBe(false);
  });

  it('lets only the grid’s own 网格长 save them', async () => {
    const event = { gridCode: A, action: 'close', texts: ['已结案'] };
    for (const caller of [DEMO.gridWorker, DEMO.police, DEMO.communityCentre, DEMO.resident, 'o-demo-grid-leader-09']) {
      expect(await cloud.call('saveResponseTemplates', event, caller)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
    expect(await cloud.count('responseTemplates', {})).toBe(0);
  });

  it('shows them to the grid’s staff and the centres above it, and to no one else', async () => {
    expect((await cloud.call('responseTemplates', { gridCode: A }, DEMO.communityCentre)).ok).toBe(true);
    expect((await cloud.call('responseTemplates', { gridCode: A }, DEMO.countyCentre)).ok).toBe(true);
    for (const caller of [DEMO.gridWorkerElsewhere, DEMO.resident, 'o-never-seen-templates']) {
      expect(await cloud.call('responseTemplates', { gridCode: A }, caller)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });
});
