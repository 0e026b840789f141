import { DEMO, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { caseMovedTo } from './security/handling-fixtures';
import { GRID_A, GRID_B, reportIn } from './security/report-fixtures';

type Summary = { id: string; status: string; ownerCode: string; ownerLevel: string };
type Stored = Summary & {
  regionPath: Record<string, string>;
  events: Array<{ type: string; status: string; note?: string; owner?: object }>;
};

const OTHER_COMMUNITY_GRID = '410399001002-01'; // 西关社区, same street
const STREET_CENTRE = 'o-demo-centre-03'; // 高振华, street 410399001

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const handBack = (reportId: string, gridCode: string, openid: string, reason = '属网格职责，请网格办理') =>
  cloud.call<{ report: Summary }>('handBackReport', { reportId, gridCode, reason }, openid);
const stored = async (id: string) => (await cloud.get<Stored>('reports', id)) as Stored;

/** An accepted case of grid A, escalated to its community (城关社区, 魏俊's). */
async function atCommunity(): Promise<string> {
  const reportId = await caseMovedTo(cloud, GRID_A, 'assigned');
  await cloud.data('escalateReport', { reportId, reason: '需社区协调' }, DEMO.gridWorker);
  return reportId;
}

describe('handBackReport (下派)', () => {
  it('hands an escalated case down to a named grid of the community: it owns and works it, the history kept', async () => {
    const id = await atCommunity();
    expect(await handBack(id, GRID_B, DEMO.communityCentre)).toMatchObject({
      ok: true,
      data: { report: { id, status: 'accepted', ownerCode: GRID_B, ownerLevel: 'grid' } },
    });
    const after = await stored(id);
    expect(after.regionPath).toMatchObject({ grid: GRID_B, community: '410399001001' });
    expect(after.events.map((step) => step.type)).toEqual(['submitted', 'accepted', 'assigned', 'escalated', 'handed_back']);
    expect(after.events.at(-1)).toMatchObject({
      status: 'accepted',
      note: '属网格职责，请网格办理',
      owner: { code: GRID_B, level: 'grid' },
    });
    // Grid B's 网格员 now takes it; the community centre no longer owns it, so cannot hand it on again.
    const take = { reportId: id, to: { kind: 'person', personId: 'u-grid-worker-10' } };
    expect(await cloud.call('assignReport', take, DEMO.gridWorkerElsewhere)).toMatchObject({ ok: true });
    expect(await handBack(id, GRID_A, DEMO.communityCentre)).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' });
  });

  it('lets a street hand down to a grid of any of its communities', async () => {
    const id = await atCommunity();
    await cloud.data('escalateReport', { reportId: id, reason: '需街道协调' }, DEMO.communityCentre);
    expect(await handBack(id, OTHER_COMMUNITY_GRID, STREET_CENTRE)).toMatchObject({
      ok: true,
      data: { report: { ownerCode: OTHER_COMMUNITY_GRID } },
    });
    expect((await stored(id)).regionPath).toMatchObject({ grid: OTHER_COMMUNITY_GRID, community: '410399001002' });
  });

  it('goes only to a grid under the owner (REPORT.INVALID_HAND_BACK)', async () => {
    const id = await atCommunity();
    for (const gridCode of [OTHER_COMMUNITY_GRID, '410399001001-99'])
      expect(await handBack(id, gridCode, DEMO.communityCentre)).toMatchObject({ ok: false, code: 'REPORT.INVALID_HAND_BACK' });
    expect(await handBack(id, GRID_B, DEMO.communityCentre, ' ')).toMatchObject({ ok: false, code: 'REPORT.NOTE_REQUIRED' });
    expect(await stored(id)).toMatchObject({ ownerLevel: 'community' });
  });

  it('is the owning centre’s alone: not a centre above it, nor a grid’s staff', async () => {
    const id = await atCommunity();
    expect(await handBack(id, GRID_B, DEMO.countyCentre)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect(await handBack(id, GRID_B, DEMO.gridLeader)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect(await handBack(id, GRID_A, DEMO.gridWorkerElsewhere)).toMatchObject({ ok: false, code: 'REPORT.NOT_FOUND' });
    const gridCase = await caseMovedTo(cloud, GRID_A, 'accepted');
    expect(await handBack(gridCase, GRID_B, DEMO.gridLeader)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    expect(await handBack(gridCase, GRID_B, DEMO.communityCentre)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
    const submitted = await reportIn(cloud, GRID_A);
    expect(await handBack(submitted, GRID_B, DEMO.communityCentre)).toMatchObject({ ok: false, code: 'REPORT.FORBIDDEN' });
  });

  it('is refused once the centre has dispatched the case', async () => {
    const id = await atCommunity();
    await cloud.data('assignReport', { reportId: id, to: { kind: 'department', department: '环卫所' } }, DEMO.communityCentre);
    expect(await handBack(id, GRID_B, DEMO.communityCentre)).toMatchObject({ ok: false, code: 'REPORT.INVALID_TRANSITION' });
  });
});
