import { WORKBENCH_TILE_FILTERS, type WorkbenchCounts } from '@pingan/shared';
import { DEMO, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { seedCaseDocs, type SeedCase } from './helpers/seeded-cases';

/**
 * Each workbench count opens the inbox on WORKBENCH_TILE_FILTERS, and the list it opens is exactly as long
 * as the number on the tile: 办理中, 即将超时 and 已超时 included (before, they opened the nearest filter the
 * inbox had — every open case, or every green one — and the list was longer than the count).
 */
const A = '410399001001-03';
const COUNTY = '410399';
const STATUSES = ['submitted', 'accepted', 'assigned', 'in_progress', 'resolved', 'closed', 'rated', 'rejected', 'withdrawn'];
/** Hours to the deadline, each ≥ 0.5 h from now and from now + 4 h (DUE_SOON_HOURS), so no case crosses an edge mid-test. */
const DUE_IN = [-30, -5, -1, 1, 2.5, 3.5, 6, 30];

let cloud: FunctionsCloud;

function mix(prefix: string, owner?: SeedCase['owner']): SeedCase[] {
  return STATUSES.flatMap((status, s) =>
    DUE_IN.filter((_, d) => (s + d) % 2 === 0).map((dueInHours, d) => ({
      id: `${prefix}-${s}-${d}`,
      grid: A,
      status,
      dueInHours,
      categoryCode: 'HJWS',
      ...(['assigned', 'in_progress', 'resolved', 'closed', 'rated'].includes(status) && { assigneeId: 'u-grid-worker-03' }),
      ...(owner && { owner }),
    })),
  );
}

beforeAll(async () => {
  cloud = await startFunctionsCloud();
  await seedCaseDocs(cloud, [...mix('wt'), ...mix('wc', { code: COUNTY, level: 'county' })]);
}, 120_000);
afterAll(async () => cloud?.stop());

/** Every case of an inbox list, page after page. */
async function listLength(openid: string, filters: Record<string, unknown>): Promise<number> {
  let length = 0;
  let cursor: string | undefined;
  do {
    const page = await cloud.data<{ items: unknown[]; nextCursor: string | null }>(
      'inbox',
      { ...filters, limit: 50, ...(cursor && { cursor }) },
      openid,
    );
    length += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return length;
}

async function listsOf(openid: string, extra: Record<string, unknown> = {}): Promise<Record<string, number>> {
  const entries = await Promise.all(
    Object.entries(WORKBENCH_TILE_FILTERS).map(
      async ([tile, filters]) => [tile, await listLength(openid, { ...filters, ...extra })] as const,
    ),
  );
  return Object.fromEntries(entries);
}

describe('a workbench tile opens a list as long as its count', () => {
  it.each([
    ['a 网格员', DEMO.gridWorker],
    ['a 网格长', DEMO.gridLeader],
  ])('for %s, each of the five tiles', async (_who, openid) => {
    const bench = await cloud.data<{ counts: WorkbenchCounts }>('workbench', {}, openid);
    expect(bench.counts.handling).toBeGreaterThan(0);
    expect(bench.counts.dueSoon).toBeGreaterThan(0);
    expect(bench.counts.overdue).toBeGreaterThan(0);
    expect(await listsOf(openid)).toEqual(bench.counts);
  });

  it('for the county centre, its own counts and its area’s', async () => {
    const bench = await cloud.data<{ counts: WorkbenchCounts; areaCounts: WorkbenchCounts }>('workbench', {}, DEMO.countyCentre);
    expect(bench.counts.dueSoon).toBeGreaterThan(0);
    expect(bench.areaCounts.overdue).toBeGreaterThan(bench.counts.overdue);
    expect(await listsOf(DEMO.countyCentre)).toEqual(bench.counts);
    expect(await listsOf(DEMO.countyCentre, { scope: 'area' })).toEqual(bench.areaCounts);
  });
});
