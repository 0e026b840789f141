import { pointInGrid } from './helpers/demo-points';
import { DEMO, PLACES, reportEvent, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

type Item = { id: string; status: string; ownerCode: string; deadline: number; light: string; anonymous: boolean };
type Page = { items: Item[]; nextCursor: string | null };

const HOUR = 3_600_000;
let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

const submit = async (openid: string, overrides: Record<string, unknown> = {}) =>
  (await cloud.data<{ report: { id: string } }>('submitReport', reportEvent(overrides), openid)).report.id;
const inbox = (openid: string, event: Record<string, unknown> = {}) => cloud.data<Page>('inbox', { limit: 50, ...event }, openid);

async function allPages(openid: string, limit: number): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | undefined;
  do {
    const page = await cloud.data<Page>('inbox', { limit, ...(cursor && { cursor }) }, openid);
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

describe('inbox', () => {
  it('shows a grid worker the cases of the grids she works, and no others', async () => {
    const mine = await submit(DEMO.resident, { location: PLACES.demoGrid });
    const theirs = await submit(DEMO.resident, { location: PLACES.river }); // 410399001001-09
    const hers = (await inbox(DEMO.gridWorker)).items;
    expect(hers.map((item) => item.id)).toContain(mine);
    expect(hers.map((item) => item.id)).not.toContain(theirs);
    expect(new Set(hers.map((item) => item.ownerCode))).toEqual(new Set(['410399001001-03']));
    expect((await inbox(DEMO.gridWorkerElsewhere)).items.map((item) => item.id)).toEqual([theirs]);
  });

  it('pages a worker’s 60 open cases, each once, the nearest deadline first', async () => {
    const worker = 'o-demo-grid-worker-53'; // 潘国强, 410399002002-08
    const location = pointInGrid('410399002002-08');
    const categories = ['JGQS', 'XFYH', 'HJWS', 'WZDJ', 'MSSQ'];
    const ids: string[] = [];
    for (let i = 0; i < 60; i += 1)
      ids.push(await submit(`o-busy-street-${i % 7}`, { location, categoryCode: categories[i % categories.length] }));
    const pages = await allPages(worker, 25);
    expect(pages.map((page) => page.items.length)).toEqual([25, 25, 10]);
    const items = pages.flatMap((page) => page.items);
    expect(items.map((item) => item.id).sort()).toEqual([...ids].sort());
    const ordered = items.every((item, i) => i === 0 || (items[i - 1] as Item).deadline <= item.deadline);
    expect(ordered).toBe(true);
    expect(new Set(items.map((item) => item.light))).toEqual(new Set(['green']));
  });

  it('lights a case yellow past its deadline and red past it by more than the category allows', async () => {
    const worker = 'o-demo-grid-worker-50'; // 郑华, 410399002002-06
    const location = pointInGrid('410399002002-06');
    const [onTime, late, veryLate] = [
      await submit(DEMO.resident, { location, categoryCode: 'JGQS' }),
      await submit(DEMO.resident, { location, categoryCode: 'JGQS' }),
      await submit(DEMO.resident, { location, categoryCode: 'JGQS' }),
    ];
    // 井盖缺失: accept within 0.5 h, red 4 h after that. Age two of them as if submitted earlier.
    const age = async (id: string, hours: number) => {
      const submittedAt = Date.now() - hours * HOUR;
      await cloud
        .db()
        .collection('reports')
        .doc(id)
        .update({ data: { submittedAt, deadlineAt: submittedAt + 0.5 * HOUR, 'events.0.at': submittedAt } });
    };
    await age(late, 2);
    await age(veryLate, 10);
    const lights = Object.fromEntries((await inbox(worker)).items.map((item) => [item.id, item.light]));
    expect(lights).toEqual({ [veryLate]: 'red', [late]: 'yellow', [onTime]: 'green' });
    expect((await inbox(worker)).items.map((item) => item.id)).toEqual([veryLate, late, onTime]);
  });

  it('filters by status, open ones by default', async () => {
    const worker = 'o-demo-grid-worker-51'; // 朱春燕, 410399002002-07
    const location = pointInGrid('410399002002-07');
    const accepted = await submit(DEMO.resident, { location });
    const rejected = await submit(DEMO.resident, { location });
    await cloud.data('acceptReport', { reportId: accepted }, worker);
    await cloud.data('rejectReport', { reportId: rejected, reason: 'invalid' }, worker);
    expect((await inbox(worker)).items.map((item) => item.id)).toEqual([accepted]);
    expect((await inbox(worker, { status: 'accepted' })).items.map((item) => item.id)).toEqual([accepted]);
    expect((await inbox(worker, { status: 'rejected' })).items.map((item) => item.id)).toEqual([rejected]);
  });

  it('shows no light on a rejected case, as every other view of it does', async () => {
    const worker = 'o-demo-grid-worker-51';
    const rejected = await submit(DEMO.resident, { location: pointInGrid('410399002002-07') });
    await cloud.data('rejectReport', { reportId: rejected, reason: 'invalid' }, worker);
    const item = (await inbox(worker, { status: 'rejected', limit: 50 })).items.find((row) => row.id === rejected);
    const detail = await cloud.data<{ report: { light: unknown } }>('reportDetail', { reportId: rejected }, worker);
    expect(item).toMatchObject({ id: rejected, light: null });
    expect(detail.report.light).toBeNull();
  });

  it('shows a centre the cases its region owns', async () => {
    // No place and no joined grid: the county owns it.
    const countyCase = await submit('o-visitor-without-grid', { location: undefined });
    expect((await inbox(DEMO.countyCentre)).items.map((item) => item.id)).toEqual([countyCase]);
    expect((await inbox(DEMO.communityCentre)).items).toEqual([]);
  });

  it('is for case owners only: residents and police get AUTH.FORBIDDEN', async () => {
    expect(await cloud.call('inbox', {}, DEMO.resident)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await cloud.call('inbox', {}, DEMO.police)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await cloud.call('inbox', {}, 'o-stranger')).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});
