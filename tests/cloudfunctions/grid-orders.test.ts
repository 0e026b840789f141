import { DEMO, draftKey, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { orderMovedTo } from './security/order-move-fixtures';

/**
 * gridOrders through the real SDK (docs/DESIGN.md, "Service orders (居民点单)"): a grid's orders by status for
 * its 网格员/网格长 and its community's centre, newest first, keyset-paged on grid_status_time, each named
 * by who booked it; without a status, all of them as the staff work through them (booked and disputed the
 * soonest slot first, then the rest newest first); nobody else's.
 */
const GRID = '410399001001-03';
type Item = { id: string; status: string; gridCode: string; requesterName?: string; createdAt: number; slot: { startsAt: number } };
type Page = { items: Item[]; nextCursor: string | null };
type Scan = { collection: string; index: string | null; rowsRead: number };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
  // One late slot every day with room for every booking here.
  const slots = Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, start: '22:00', end: '22:30', capacity: 50 }));
  await cloud.data('saveGridServices', { gridCode: GRID, services: [{ serviceCode: 'SMLF', slots }] }, DEMO.gridLeader);
});
afterAll(async () => cloud?.stop());

async function booked(openid: string): Promise<string> {
  const { services } = await cloud.data<{ services: { upcoming: { key: string }[] }[] }>('gridServices', {}, openid);
  const slotKey = services[0]?.upcoming[0]?.key ?? '';
  const event = { idempotencyKey: draftKey(), serviceCode: 'SMLF', slotKey, address: '幸福路 3 号' };
  return (await cloud.data<{ order: { id: string } }>('bookService', event, openid)).order.id;
}

const list = (status: string | undefined, openid: string, extra: Record<string, unknown> = {}) =>
  cloud.call<Page>('gridOrders', { gridCode: GRID, ...(status && { status }), ...extra }, openid);

/** Every page of the list, `limit` at a time. */
async function wholeList(status: string | undefined, limit: number): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const answer = await list(status, DEMO.gridWorker, { limit, ...(cursor && { cursor }) });
    if (!answer.ok) throw new Error(answer.code);
    items.push(...answer.data.items);
    cursor = answer.data.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

it('lists the grid’s booked orders newest first with who booked them, a page on grid_status_time', async () => {
  const first = await booked(DEMO.resident);
  const second = await booked(DEMO.otherResident);
  const third = await booked(DEMO.resident);
  const stats = cloud.testCloud.cloud.database.stats as { recentScans: Scan[] };
  const before = new Set(stats.recentScans);
  const answer = await list('booked', DEMO.gridWorker, { limit: 2 });
  if (!answer.ok) throw new Error(answer.code);
  expect(answer.data.items.map((item) => item.id)).toEqual([third, second]);
  expect(answer.data.items.map((item) => item.requesterName)).toEqual(['张秀兰', '王桂英']);
  expect(answer.data.nextCursor).not.toBeNull();
  expect(answer.data.items.map((item) => item.id)).not.toContain(first);
  const scans = stats.recentScans.filter((scan) => !before.has(scan) && scan.collection === 'serviceOrders');
  expect(scans).toEqual([expect.objectContaining({ index: expect.stringMatching(/:grid_status_time$/), rowsRead: 3 })]);
});

it('moves an order between the status lists as it is dispatched or cancelled', async () => {
  const toHall = await booked(DEMO.resident);
  const cancelled = await booked(DEMO.resident);
  await cloud.data('dispatchOrder', { orderId: toHall, mode: 'hall' }, DEMO.gridWorker);
  await cloud.data('cancelOrder', { orderId: cancelled }, DEMO.resident);
  const ids = async (status: string) => {
    const answer = await list(status, DEMO.gridLeader, { limit: 50 });
    return answer.ok ? answer.data.items.map((item) => item.id) : [answer.code];
  };
  expect(await ids('posted')).toContain(toHall);
  expect(await ids('cancelled')).toContain(cancelled);
  const stillBooked = await ids('booked');
  expect(stillBooked).not.toContain(toHall);
  expect(stillBooked).not.toContain(cancelled);
});

it('pages by cursor without repeating or skipping an order', async () => {
  for (let i = 0; i < 3; i++) await booked(DEMO.resident);
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const answer = await list('booked', DEMO.communityCentre, { limit: 2, ...(cursor && { cursor }) });
    if (!answer.ok) throw new Error(answer.code);
    seen.push(...answer.data.items.map((item) => item.id));
    cursor = answer.data.nextCursor ?? undefined;
  } while (cursor);
  const whole = await list('booked', DEMO.communityCentre, { limit: 50 });
  expect(whole.ok && whole.data.items.map((item) => item.id)).toEqual(seen);
  expect(new Set(seen).size).toBe(seen.length);
});

it('lists them all without a status: booked and disputed the soonest slot first, then the rest newest first', async () => {
  const toDispatch = await booked(DEMO.resident);
  const { orderId: disputed } = await orderMovedTo(cloud, GRID, 'disputed');
  const { orderId: confirmed } = await orderMovedTo(cloud, GRID, 'confirmed');
  const cancelled = await booked(DEMO.otherResident);
  await cloud.data('cancelOrder', { orderId: cancelled }, DEMO.otherResident);
  const stats = cloud.testCloud.cloud.database.stats as { recentScans: Scan[] };
  const before = new Set(stats.recentScans);
  const items = await wholeList(undefined, 50);
  const scans = stats.recentScans.filter((scan) => !before.has(scan) && scan.collection === 'serviceOrders');
  expect(scans.map((scan) => scan.index)).toEqual([
    expect.stringMatching(/:grid_status_slot$/),
    expect.stringMatching(/:grid_status_time$/),
  ]);
  const needed = items.findIndex((item) => item.status !== 'booked' && item.status !== 'disputed');
  const [first, rest] = [items.slice(0, needed), items.slice(needed)];
  expect(first.map((item) => item.id)).toEqual(expect.arrayContaining([toDispatch, disputed]));
  expect(rest.map((item) => item.id)).toEqual(expect.arrayContaining([confirmed, cancelled]));
  expect(rest.some((item) => item.status === 'booked' || item.status === 'disputed')).toBe(false);
  const bySlot = [...first].sort((a, b) => a.slot.startsAt - b.slot.startsAt || (a.id < b.id ? -1 : 1));
  expect(first).toEqual(bySlot);
  const newestFirst = [...rest].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
  expect(rest).toEqual(newestFirst);
  for (const limit of [1, 2, first.length])
    expect((await wholeList(undefined, limit)).map((item) => item.id)).toEqual(items.map((item) => item.id));
}, 120_000);

it('refuses residents, another grid’s worker, the county centre and another community’s centre', async () => {
  for (const openid of [DEMO.resident, DEMO.gridWorkerElsewhere, DEMO.countyCentre, 'o-demo-centre-07', DEMO.police]) {
    expect(await list('booked', openid)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  }
});
