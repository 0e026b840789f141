import { DEMO, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { GRID_A, GRID_B, reportIn } from './security/report-fixtures';

type Page = { items: Array<{ id: string; ownerCode: string }>; nextCursor: string | null };

let cloud: FunctionsCloud;
let inA: string;
let inB: string;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
  inA = await reportIn(cloud, GRID_A);
  inB = await reportIn(cloud, GRID_B);
}, 120_000);
afterAll(async () => cloud?.stop());

const inbox = (event: unknown, openid: string) => cloud.call<Page>('inbox', event, openid);

describe('inbox: a centre asks for one grid of its region (the dashboard at grid level)', () => {
  it.each([
    ['the county centre', DEMO.countyCentre],
    ['the community centre', DEMO.communityCentre],
  ])('lists %s the cases grid A owns, and none of grid B', async (_who, openid) => {
    const answer = await inbox({ scope: 'area', gridCode: GRID_A, limit: 50 }, openid);
    if (!answer.ok) throw new Error(answer.code);
    const ids = answer.data.items.map((item) => item.id);
    expect(ids).toContain(inA);
    expect(ids).not.toContain(inB);
    expect(new Set(answer.data.items.map((item) => item.ownerCode))).toEqual(new Set([GRID_A]));
  });

  it('refuses a grid outside the centre’s region, and a code that is no grid', async () => {
    for (const gridCode of ['410399002001-01', '410399001001-99']) {
      const answer = await inbox({ scope: 'area', gridCode }, DEMO.communityCentre);
      expect(!answer.ok && answer.code).toBe('AUTH.FORBIDDEN');
    }
  });

  it('still refuses a 网格员 another grid', async () => {
    const answer = await inbox({ gridCode: GRID_B }, DEMO.gridWorker);
    expect(!answer.ok && answer.code).toBe('AUTH.FORBIDDEN');
  });
});
