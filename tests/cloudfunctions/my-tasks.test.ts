import { shanghaiDayKey } from '@pingan/shared';
import { DEMO, draftKey, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { completionUpload } from './security/order-move-fixtures';

/**
 * 我的任务 through the real SDK (docs/DESIGN.md, "Service orders (居民点单)"): `myTasks` lists what the caller
 * holds — claimed, completed and disputed the soonest first, then confirmed and rated the latest first —
 * on `serviceOrders.claimant_status_slot`, page by page; what was given back or settled back to the hall,
 * and what others hold, is not theirs.
 */
const GRID = '410399001001-03';
const VOLUNTEER = 'o-demo-volunteer-01'; // 王建国
const OTHER_VOLUNTEER = 'o-demo-volunteer-03'; // 郭建设
const DAY_MS = 86_400_000;
type Task = { id: string; status: string; minutes: number; points: number; slot: { startsAt: number } };
type Page = { items: Task[]; nextCursor: string | null };
type Scan = { collection: string; index: string | null; rowsRead: number };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

/** A task of the grid's 网格员, `days` ahead at 09:00–10:00, claimed by the volunteer. */
async function claimed(days: number, volunteer = VOLUNTEER): Promise<string> {
  const event = {
    idempotencyKey: draftKey(),
    gridCode: GRID,
    taskKind: 'sanitation',
    address: '幸福路小区 3 号楼',
    date: shanghaiDayKey(Date.now() + days * DAY_MS),
    start: '09:00',
    end: '10:00',
  };
  const { order } = await cloud.data<{ order: { id: string } }>('postTask', event, DEMO.gridWorker);
  await cloud.data('claimOrder', { orderId: order.id }, volunteer);
  return order.id;
}

async function completed(days: number): Promise<string> {
  const orderId = await claimed(days);
  const { photo, uploadKey } = await completionUpload(cloud, VOLUNTEER);
  await cloud.data('completeOrder', { orderId, note: '已打扫', photos: [photo], uploadKey }, VOLUNTEER);
  return orderId;
}

const myTasks = (openid: string, request: Record<string, unknown> = {}) => cloud.data<Page>('myTasks', request, openid);
async function everyPage(openid: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await myTasks(openid, { limit, ...(cursor && { cursor }) });
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

it('lists what the volunteer holds, open ones soonest first, then credited ones latest first, page by page', async () => {
  const later = await claimed(6);
  const sooner = await claimed(2);
  const toConfirm = await completed(4);
  const disputed = await completed(3);
  await cloud.data('disputeOrder', { orderId: disputed, note: '没有打扫干净' }, DEMO.gridWorker);
  const confirmedEarly = await completed(1);
  await cloud.data('confirmOrder', { orderId: confirmedEarly }, DEMO.gridWorker);
  const settledDone = await completed(5);
  await cloud.data('disputeOrder', { orderId: settledDone, note: '只扫了一半' }, DEMO.gridWorker);
  await cloud.data('settleOrder', { orderId: settledDone, decision: 'done', note: '核实已完成' }, DEMO.gridLeader);
  await cloud.data('rateOrder', { orderId: confirmedEarly, satisfaction: 5 }, DEMO.gridWorker);
  const settledBack = await completed(7);
  await cloud.data('disputeOrder', { orderId: settledBack, note: '没来' }, DEMO.gridWorker);
  await cloud.data('settleOrder', { orderId: settledBack, decision: 'notDone', note: '退回任务大厅' }, DEMO.gridLeader);
  const withdrawn = await claimed(8);
  await cloud.data('withdrawOrder', { orderId: withdrawn }, VOLUNTEER);
  const theirs = await claimed(2, OTHER_VOLUNTEER);

  const expected = [sooner, disputed, toConfirm, later, settledDone, confirmedEarly];
  const stats = cloud.testCloud.cloud.database.stats as { recentScans: Scan[] };
  const before = new Set(stats.recentScans);
  const whole = await myTasks(VOLUNTEER, { limit: 20 });
  expect(whole.items.map((item) => item.id)).toEqual(expected);
  expect(whole.items.map((item) => item.status)).toEqual(['claimed', 'disputed', 'completed', 'claimed', 'confirmed', 'rated']);
  expect(whole.items[0]).toMatchObject({ minutes: 60, points: 5 });
  expect(whole.nextCursor).toBeNull();
  const scans = stats.recentScans.filter((scan) => !before.has(scan) && scan.collection === 'serviceOrders');
  expect(scans.map((scan) => scan.index)).toEqual([
    expect.stringMatching(/:claimant_status_slot$/),
    expect.stringMatching(/:claimant_status_slot$/),
  ]);
  for (const limit of [1, 2, 4]) expect(await everyPage(VOLUNTEER, limit)).toEqual(expected);
  const listed = await everyPage(VOLUNTEER, 50);
  for (const gone of [settledBack, withdrawn, theirs]) expect(listed).not.toContain(gone);
  expect((await myTasks(OTHER_VOLUNTEER)).items.map((item) => item.id)).toEqual([theirs]);
}, 120_000);

it('lists an order the grid worker serves herself among her tasks', async () => {
  const slotKey = (
    await cloud.data<{ services: Array<{ serviceCode: string; upcoming: Array<{ key: string; left: number }> }> }>(
      'gridServices',
      {},
      DEMO.resident,
    )
  ).services.flatMap((service) => service.upcoming.filter((slot) => slot.left > 0).map((slot) => ({ service, slot })))[0];
  if (!slotKey) throw new Error('no slot to book');
  const event = { idempotencyKey: draftKey(), serviceCode: slotKey.service.serviceCode, slotKey: slotKey.slot.key, address: '幸福路 3 号' };
  const { order } = await cloud.data<{ order: { id: string } }>('bookService', event, DEMO.resident);
  await cloud.data('dispatchOrder', { orderId: order.id, mode: 'self' }, DEMO.gridWorker);
  expect((await myTasks(DEMO.gridWorker)).items.map((item) => item.id)).toContain(order.id);
});

it('answers someone without a record, and a forged cursor', async () => {
  expect(await myTasks('o-never-seen-before')).toEqual({ items: [], nextCursor: null });
  expect(await cloud.call('myTasks', { cursor: 'bm90LWEta2V5' }, VOLUNTEER)).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
});
