import { DEMO, draftKey, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';

/**
 * A service order's messages are never lost (docs/DESIGN.md, "Telling people"): the move's own write marks
 * the order as owing them, the delivery after the save clears the mark, and a mark a crash left behind is
 * delivered by clockSweep, once. The crash is a real one as far as the order can tell: the move is saved
 * in-process through the functions' own code (makeOrderMove, the same conditional update claimOrder makes)
 * and nothing after it runs. Built functions, the real SDK, the demo county.
 */
const GRID = '410399001001-03';
const VOLUNTEER = 'o-demo-volunteer-01'; // 王建国, u-volunteer-01, grid -03
const MINUTE = 60_000;

type Stored = {
  _id: string;
  status: string;
  version: number;
  notifyFrom?: number;
  notifyDueAt?: number;
  events: { seq: number; type: string; at: number }[];
};
type Message = { _id: string; kind: string; orderId: string; recipientId: string; body: string };
type Swept = { lightNotices: number; messages: number; owedDelivered: number; more: boolean };

let cloud: FunctionsCloud;
let moves: typeof import('../../../cloudfunctions/src/service/order-moves');
beforeAll(async () => {
  cloud = await startFunctionsCloud();
  // Loaded once the SDK points at this cloud (platform/sdk.ts initialises it on load).
  moves = await import('../../../cloudfunctions/src/service/order-moves');
  const slots = Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, start: '21:00', end: '21:40', capacity: 50 }));
  await cloud.data('saveGridServices', { gridCode: GRID, services: [{ serviceCode: 'SMLF', slots }] }, DEMO.gridLeader);
}, 180_000);
afterAll(async () => cloud?.stop());

const stored = async (id: string) => (await cloud.get<Stored>('serviceOrders', id))!;
const messagesOf = (orderId: string) => cloud.find<Message>('messages', { orderId });

/** 张秀兰's booking of 上门理发, sent to the task hall by the grid's 网格员. */
async function inTheHall(): Promise<string> {
  const { services } = await cloud.data<{ services: { upcoming: { key: string; left: number }[] }[] }>('gridServices', {}, DEMO.resident);
  const slot = services[0]?.upcoming.find((occurrence) => occurrence.left > 0);
  if (!slot) throw new Error('no place left');
  const event = { idempotencyKey: draftKey(), serviceCode: 'SMLF', slotKey: slot.key, address: '幸福路 3 号 2 单元 401' };
  const { order } = await cloud.data<{ order: { id: string } }>('bookService', event, DEMO.resident);
  await cloud.data('dispatchOrder', { orderId: order.id, mode: 'hall' }, DEMO.gridWorker);
  return order.id;
}

/** The timer fires at `at` (epoch ms), as the platform would. */
async function fireAt(at: number): Promise<Swept> {
  const answer = (await cloud.testCloud.cloud.functions.fireTimer('clockSweep', new Date(at))) as { ok: boolean; data: Swept };
  if (!answer.ok) throw new Error(`clockSweep answered ${JSON.stringify(answer)}`);
  return answer.data;
}

it('a move that tells nobody leaves no mark; 接单 delivered at once leaves none either', async () => {
  const id = await inTheHall();
  expect(await stored(id)).not.toHaveProperty('notifyFrom');
  await cloud.data('claimOrder', { orderId: id }, VOLUNTEER);
  const after = await stored(id);
  expect(after).not.toHaveProperty('notifyFrom');
  expect(after).not.toHaveProperty('notifyDueAt');
  expect((await messagesOf(id)).map((m) => m.kind)).toEqual(['orderClaimed']);
}, 120_000);

it('a claim whose function dies after the save keeps its mark, and the next clockSweep delivers its message, once', async () => {
  const id = await inTheHall();
  const claimedAt = Date.now();
  // The claim's own save, and then nothing: as if claimOrder died between the save and the messages.
  await moves.makeOrderMove(id, { type: 'claim' }, { openid: VOLUNTEER }, claimedAt);
  const marked = await stored(id);
  const claim = marked.events[marked.events.length - 1];
  expect(claim).toMatchObject({ type: 'claimed', at: claimedAt });
  expect(marked).toMatchObject({ status: 'claimed', notifyFrom: claim?.seq, notifyDueAt: claimedAt });
  expect(await messagesOf(id)).toEqual([]);

  // Within the grace period the claim may still be delivering: the sweep leaves it.
  await fireAt(claimedAt + 30_000);
  expect(await messagesOf(id)).toEqual([]);
  expect((await stored(id)).notifyFrom).toBe(claim?.seq);

  const swept = await fireAt(claimedAt + 2 * MINUTE);
  expect(swept.owedDelivered).toBeGreaterThanOrEqual(1);
  const delivered = await messagesOf(id);
  expect(delivered.map((m) => [m._id, m.kind, m.recipientId])).toEqual([
    [`${id}:${claim?.seq}:u-resident-01`, 'orderClaimed', 'u-resident-01'],
  ]);
  expect(delivered[0]?.body).toContain('志愿者王建国接单');
  expect(await stored(id)).not.toHaveProperty('notifyFrom');

  // Fired again, and twice at once: nothing more.
  await Promise.all([fireAt(claimedAt + 3 * MINUTE), fireAt(claimedAt + 3 * MINUTE)]);
  expect(await messagesOf(id)).toHaveLength(1);
  // The requester reads it in 消息.
  const mine = await cloud.data<{ items: { kind: string; orderId?: string }[] }>('myMessages', { limit: 50 }, DEMO.resident);
  expect(mine.items.filter((m) => m.orderId === id).map((m) => m.kind)).toEqual(['orderClaimed']);
}, 120_000);

it('a mark left by a crash is kept at the first move owed, and a later move’s delivery brings both', async () => {
  const id = await inTheHall();
  const at = Date.now();
  await moves.makeOrderMove(id, { type: 'claim' }, { openid: VOLUNTEER }, at); // died after the save
  const claimSeq = (await stored(id)).notifyFrom;
  await cloud.data('withdrawOrder', { orderId: id }, VOLUNTEER); // tells nobody: the mark stays as it was
  expect(await stored(id)).toMatchObject({ notifyFrom: claimSeq, notifyDueAt: at });
  await cloud.data('claimOrder', { orderId: id }, VOLUNTEER);
  const kinds = (await messagesOf(id)).map((m) => m.kind);
  expect(kinds).toEqual(['orderClaimed', 'orderClaimed']);
  expect(await stored(id)).not.toHaveProperty('notifyFrom');
}, 120_000);

it('the crediting transaction (确认) marks the order in the same write', async () => {
  const id = await inTheHall();
  await cloud.data('claimOrder', { orderId: id }, VOLUNTEER);
  const doc = await stored(id);
  // Completed as the volunteer would, without photos' checks: the order stored as completed.
  const done = {
    seq: doc.events.length + 1,
    type: 'completed',
    at: Date.now(),
    actorId: 'u-volunteer-01',
    status: 'completed',
    note: '已理发',
  };
  await cloud
    .db()
    .collection('serviceOrders')
    .doc(id)
    .update({ data: { status: 'completed', events: [...doc.events, done], version: doc.version + 1 } });
  const credit = await import('../../../cloudfunctions/src/service/order-credit');
  const confirmedAt = Date.now();
  const made = await credit.moveOrderCrediting(id, { type: 'confirm' }, { openid: DEMO.resident }, confirmedAt); // died after the commit
  expect(await stored(id)).toMatchObject({ status: 'confirmed', notifyFrom: made.event.seq, notifyDueAt: confirmedAt });
  await fireAt(confirmedAt + 2 * MINUTE);
  expect((await messagesOf(id)).map((m) => [m.kind, m.recipientId])).toContainEqual(['orderConfirmed', 'u-volunteer-01']);
  expect(await stored(id)).not.toHaveProperty('notifyFrom');
}, 120_000);

it('sweeps owed orders on notify_due: never a scan', async () => {
  const id = await inTheHall();
  const at = Date.now();
  await moves.makeOrderMove(id, { type: 'claim' }, { openid: VOLUNTEER }, at);
  const stats = cloud.testCloud.cloud.database.stats;
  const before = new Set(stats.recentScans);
  await fireAt(at + 2 * MINUTE);
  const scans = stats.recentScans.filter((scan) => !before.has(scan) && scan.collection === 'serviceOrders');
  expect(scans.filter((scan) => scan.index === null)).toEqual([]);
  expect(scans).toContainEqual(expect.objectContaining({ index: 'x:serviceOrders:notify_due' }));
  expect(await messagesOf(id)).toHaveLength(1);
}, 120_000);
