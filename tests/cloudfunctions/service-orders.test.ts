import { DEMO, draftKey, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

/**
 * 居民点单 through the real SDK (docs/DESIGN.md, "Service orders (居民点单)"): a grid's catalogue, booking
 * without overbooking under concurrency, 我的点单, cancelling, and cancel racing 网格下单.
 */
const GRID = '410399001001-03';
type SlotOffer = { key: string; capacity: number; left: number; startsAt: number };
type Offer = { serviceCode: string; name: string; slots: unknown[]; upcoming: SlotOffer[] };
type Offers = { gridCode: string; custom: boolean; mayEdit: boolean; services: Offer[] };
type OrderView = { id: string; status: string; title: string; address: string; slot: { key: string }; events: { type: string }[] };
type Scan = { collection: string; index: string | null; rowsRead: number };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

/** Two late slots every day of the week of `capacity` places each: at least 12 occurrences ahead whenever the test runs. */
const everyDay = (capacity: number) =>
  Array.from({ length: 7 }, (_, i) => [
    { weekday: i + 1, start: '21:00', end: '21:30', capacity },
    { weekday: i + 1, start: '22:00', end: '22:30', capacity },
  ]).flat();
const offers = (openid: string, gridCode?: string) => cloud.data<Offers>('gridServices', gridCode ? { gridCode } : {}, openid);
const book = (slotKey: string, openid: string = DEMO.resident, extra: Record<string, unknown> = {}) =>
  cloud.call<{ order: OrderView; replayed: boolean }>(
    'bookService',
    { idempotencyKey: draftKey(), serviceCode: 'SMLF', slotKey, address: '幸福路 3 号 2 单元 401', note: '老人腿脚不便', ...extra },
    openid,
  );
const slotsOf = async (serviceCode: string) =>
  (await offers(DEMO.resident)).services.find((service) => service.serviceCode === serviceCode)?.upcoming ?? [];

/** A slot of SMLF with `capacity` places: the grid's catalogue set anew, the n-th occurrence ahead (each test its own n). */
async function freshSlot(capacity: number, n: number): Promise<SlotOffer> {
  await cloud.data('saveGridServices', { gridCode: GRID, services: [{ serviceCode: 'SMLF', slots: everyDay(capacity) }] }, DEMO.gridLeader);
  const slot = (await slotsOf('SMLF'))[n];
  if (!slot) throw new Error('no slot ahead');
  return slot;
}

describe('the grid’s catalogue', () => {
  it('offers a grid without its own catalogue every county service at its default slots, every place free', async () => {
    const answer = await offers(DEMO.resident);
    expect(answer).toMatchObject({ gridCode: GRID, custom: false, mayEdit: false });
    expect(answer.services).toHaveLength(10);
    const haircut = answer.services.find((service) => service.serviceCode === 'SMLF');
    expect(haircut?.name).toBe('上门理发');
    expect(haircut?.upcoming.length).toBeGreaterThan(0);
    expect(haircut?.upcoming.every((slot) => slot.left === slot.capacity && slot.startsAt > Date.now() - 60_000)).toBe(true);
  });

  it('lets the grid’s 网格长 and the community’s centre set it, and refuses a 网格员, another community and a resident', async () => {
    const services = [{ serviceCode: 'SMLF', slots: everyDay(2) }];
    for (const openid of [DEMO.gridWorker, 'o-demo-centre-07', DEMO.resident, DEMO.countyCentre]) {
      expect(await cloud.call('saveGridServices', { gridCode: GRID, services }, openid)).toMatchObject({
        ok: false,
        code: 'AUTH.FORBIDDEN',
      });
    }
    expect(await cloud.call('saveGridServices', { gridCode: GRID, services }, DEMO.communityCentre)).toMatchObject({ ok: true });
    expect(await offers(DEMO.communityCentre, GRID)).toMatchObject({ custom: true, mayEdit: true, services: [{ serviceCode: 'SMLF' }] });
    expect(
      await cloud.call('saveGridServices', { gridCode: GRID, services: [{ serviceCode: 'NOPE', slots: [] }] }, DEMO.gridLeader),
    ).toMatchObject({
      ok: false,
      code: 'SERVICE.NOT_OFFERED',
    });
  });

  it('shows another grid’s catalogue to nobody who neither lives there nor runs it', async () => {
    expect(await cloud.call('gridServices', { gridCode: '410399001001-09' }, DEMO.resident)).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
  });
});

describe('bookService (居民点单)', () => {
  it('books exactly 3 of 30 racing bookings of a slot with 3 places; the rest are told it is full', async () => {
    const slot = await freshSlot(3, 0);
    const answers = await Promise.all(Array.from({ length: 30 }, () => book(slot.key)));
    const codes = answers.map((answer) => (answer.ok ? 'ok' : answer.code));
    expect(codes.filter((code) => code === 'ok')).toHaveLength(3);
    expect(codes.filter((code) => code === 'SERVICE.SLOT_FULL')).toHaveLength(27);
    expect(await cloud.get<{ booked: number }>('serviceSlots', `${GRID}:SMLF:${slot.key}`)).toMatchObject({ booked: 3 });
    expect((await slotsOf('SMLF'))[0]).toMatchObject({ key: slot.key, left: 0 });
  });

  it('gives the place back on a cancel, and the next booking takes it', async () => {
    const slot = await freshSlot(1, 1);
    const first = await book(slot.key);
    expect(first).toMatchObject({
      ok: true,
      data: { order: { status: 'booked', title: '上门理发', slot: { key: slot.key } }, replayed: false },
    });
    expect(await book(slot.key, DEMO.otherResident)).toMatchObject({ ok: false, code: 'SERVICE.SLOT_FULL' });
    const id = first.ok ? first.data.order.id : '';
    expect(await cloud.call('cancelOrder', { orderId: id, note: '家人回来了' }, DEMO.resident)).toMatchObject({
      ok: true,
      data: { order: { status: 'cancelled' } },
    });
    expect(await book(slot.key, DEMO.otherResident)).toMatchObject({ ok: true });
  });

  it('answers a retry with the first booking and takes no second place; the same key for another booking is a conflict', async () => {
    const slot = await freshSlot(2, 2);
    const event = { idempotencyKey: draftKey(), serviceCode: 'SMLF', slotKey: slot.key, address: '幸福路 3 号' };
    const [a, b] = await Promise.all([cloud.call('bookService', event, DEMO.resident), cloud.call('bookService', event, DEMO.resident)]);
    expect([a, b].map((answer) => answer.ok && (answer.data as { replayed: boolean }).replayed).sort()).toEqual([false, true]);
    expect(await cloud.get<{ booked: number }>('serviceSlots', `${GRID}:SMLF:${slot.key}`)).toMatchObject({ booked: 1 });
    expect(await cloud.call('bookService', { ...event, address: '别的地址' }, DEMO.resident)).toMatchObject({
      ok: false,
      code: 'ORDER.IDEMPOTENCY_CONFLICT',
    });
  });

  it('books for a neighbour (代办) with their name and phone', async () => {
    const slot = await freshSlot(2, 3);
    expect(await book(slot.key, DEMO.resident, { forNeighbour: { name: '李奶奶', phone: '13900000000' } })).toMatchObject({
      ok: true,
      data: { order: { forNeighbour: { name: '李奶奶', phone: '13900000000' } } },
    });
  });

  it('refuses a slot the grid does not offer, a service it does not offer, and a caller without a joined grid', async () => {
    await freshSlot(2, 4);
    expect(await book('2020-01-01T22:00')).toMatchObject({ ok: false, code: 'SERVICE.SLOT_INVALID' });
    expect(await book((await slotsOf('SMLF'))[0]?.key ?? '', DEMO.resident, { serviceCode: 'FLZX' })).toMatchObject({
      ok: false,
      code: 'SERVICE.NOT_OFFERED',
    });
    expect(await book('2020-01-01T22:00', DEMO.countyCentre)).toMatchObject({ ok: false, code: 'GRID.NOT_JOINED' });
  });
});

describe('myOrders and cancelOrder', () => {
  it('lists the caller’s orders newest first on requester_time, and none of a neighbour’s', async () => {
    const slot = await freshSlot(5, 5);
    const ids: string[] = [];
    for (const address of ['一号', '二号']) {
      const answer = await book(slot.key, DEMO.resident, { address });
      if (answer.ok) ids.push(answer.data.order.id);
    }
    const stats = cloud.testCloud.cloud.database.stats as { recentScans: Scan[] };
    const before = new Set(stats.recentScans);
    const page = await cloud.data<{ items: OrderView[]; nextCursor: string | null }>('myOrders', { limit: 2 }, DEMO.resident);
    expect(page.items.map((item) => item.id)).toEqual([...ids].reverse());
    expect(page.nextCursor).not.toBeNull();
    const scans = stats.recentScans.filter((scan) => !before.has(scan) && scan.collection === 'serviceOrders');
    expect(scans).toEqual([expect.objectContaining({ index: expect.stringMatching(/:requester_time$/), rowsRead: 3 })]);
    const theirs = await cloud.data<{ items: OrderView[] }>('myOrders', {}, DEMO.otherResident);
    expect(theirs.items.some((item) => ids.includes(item.id))).toBe(false);
  });

  it('does not find another resident’s order for them, and leaves it booked', async () => {
    const slot = await freshSlot(2, 6);
    const answer = await book(slot.key);
    const id = answer.ok ? answer.data.order.id : '';
    expect(await cloud.call('cancelOrder', { orderId: id }, DEMO.otherResident)).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' });
    expect(await cloud.get<{ status: string }>('serviceOrders', id)).toMatchObject({ status: 'booked' });
  });

  it('cancels an order waiting in the task hall, and not one the grid worker serves herself', async () => {
    const slot = await freshSlot(3, 7);
    const [a, b] = await Promise.all([book(slot.key), book(slot.key)]);
    const [hall, served] = [a, b].map((answer) => (answer.ok ? answer.data.order.id : ''));
    expect(await cloud.call('dispatchOrder', { orderId: hall, mode: 'hall' }, DEMO.gridWorker)).toMatchObject({
      ok: true,
      data: { order: { status: 'posted' } },
    });
    expect(await cloud.call('dispatchOrder', { orderId: served, mode: 'self' }, DEMO.gridWorker)).toMatchObject({
      ok: true,
      data: { order: { status: 'claimed' } },
    });
    expect(await cloud.call('cancelOrder', { orderId: hall }, DEMO.resident)).toMatchObject({
      ok: true,
      data: { order: { status: 'cancelled' } },
    });
    expect(await cloud.call('cancelOrder', { orderId: served }, DEMO.resident)).toMatchObject({
      ok: false,
      code: 'ORDER.INVALID_TRANSITION',
    });
    expect(await cloud.call('dispatchOrder', { orderId: hall, mode: 'hall' }, DEMO.gridWorkerElsewhere)).toMatchObject({
      ok: false,
      code: 'ORDER.NOT_FOUND',
    });
  });

  it('lets exactly one of a cancel and a grid worker taking the order on (网格下单, serving it herself) win, every time', async () => {
    const slot = await freshSlot(8, 8);
    for (let round = 0; round < 6; round++) {
      const booked = await book(slot.key);
      const id = booked.ok ? booked.data.order.id : '';
      const [cancel, dispatch] = await Promise.all([
        cloud.call('cancelOrder', { orderId: id }, DEMO.resident),
        cloud.call('dispatchOrder', { orderId: id, mode: 'self' }, DEMO.gridWorker),
      ]);
      expect([cancel, dispatch].filter((answer) => answer.ok)).toHaveLength(1);
      const loser = cancel.ok ? dispatch : cancel;
      expect(loser).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
      const stored = await cloud.get<{ status: string; events: unknown[] }>('serviceOrders', id);
      expect(stored?.status).toBe(cancel.ok ? 'cancelled' : 'claimed');
      expect(stored?.events).toHaveLength(2);
    }
  });

  it('lets a cancel follow a dispatch to the task hall (still unclaimed), never lose one: the order ends cancelled either way', async () => {
    const slot = await freshSlot(8, 9);
    for (let round = 0; round < 4; round++) {
      const booked = await book(slot.key);
      const id = booked.ok ? booked.data.order.id : '';
      const [cancel] = await Promise.all([
        cloud.call('cancelOrder', { orderId: id }, DEMO.resident),
        cloud.call('dispatchOrder', { orderId: id, mode: 'hall' }, DEMO.gridWorker),
      ]);
      expect(cancel.ok).toBe(true);
      expect(await cloud.get<{ status: string }>('serviceOrders', id)).toMatchObject({ status: 'cancelled' });
    }
  });
});
