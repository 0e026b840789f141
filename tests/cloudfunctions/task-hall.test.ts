import { shanghaiDayKey } from '@pingan/shared';
import { DEMO, draftKey, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';

/**
 * The volunteers' side of service orders through the real SDK (docs/DESIGN.md, "Service orders (居民点单)"):
 * tasks posted without an order, the task hall by grid and skills, 党员接单 under a 100-claimer race,
 * cancel against claim, and 退单 before the slot starts.
 */
const GRID = '410399001001-03';
const OTHER_GRID = '410399001001-09';
const VOLUNTEER = 'o-demo-volunteer-01'; // 王建国: 代办, 家电维修
const BARBER = 'o-demo-volunteer-03'; // 郭建设: 理发, 助餐
const DAY_MS = 86_400_000;
type OrderView = { id: string; status: string; title: string; kind: string; gridCode: string; events: { type: string }[] };
type HallItem = OrderView & { skills: string[]; minutes: number; points: number; taskKind?: string; slot: { startsAt: number } };
type Hall = { items: HallItem[]; nextCursor: string | null };
type StoredOrder = { status: string; claimant?: { personId: string }; events: { type: string; actorId: string }[] };
type Scan = { collection: string; index: string | null; rowsRead: number };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
});
afterAll(async () => cloud?.stop());

/** The Asia/Shanghai date `days` ahead. */
const dayAhead = (days: number) => shanghaiDayKey(Date.now() + days * DAY_MS);
let slots = 0;
/** A task of grid A's 网格员, each in a slot of its own (later ones later), with these fields over the defaults. */
async function post(extra: Record<string, unknown> = {}, openid: string = DEMO.gridWorker): Promise<HallItem> {
  slots += 1;
  const start = `${String(6 + (slots % 14)).padStart(2, '0')}:${slots % 2 === 0 ? '00' : '30'}`;
  const end = `${String(7 + (slots % 14)).padStart(2, '0')}:${slots % 2 === 0 ? '00' : '30'}`;
  const event = {
    idempotencyKey: draftKey(),
    gridCode: GRID,
    taskKind: 'sanitation',
    address: '幸福路小区 3 号楼',
    date: dayAhead(2 + Math.floor(slots / 14)),
    start,
    end,
    ...extra,
  };
  return (await cloud.data<{ order: HallItem }>('postTask', event, openid)).order;
}
const hall = (openid: string, request: Record<string, unknown> = {}) => cloud.data<Hall>('taskHall', { limit: 50, ...request }, openid);
async function wholeHall(openid: string, request: Record<string, unknown> = {}): Promise<HallItem[]> {
  const items: HallItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await hall(openid, { ...request, ...(cursor && { cursor }) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

describe('postTask', () => {
  it('posts a task straight into the hall, named by its kind, worth its slot’s hours; a retry answers the first', async () => {
    const event = {
      idempotencyKey: draftKey(),
      gridCode: GRID,
      taskKind: 'policyPromotion',
      address: '社区广场',
      date: dayAhead(3),
      start: '09:00',
      end: '11:00',
    };
    const first = await cloud.data<{ order: HallItem; replayed: boolean }>('postTask', event, DEMO.gridLeader);
    expect(first).toMatchObject({
      replayed: false,
      order: { kind: 'task', status: 'posted', title: '政策宣传', taskKind: 'policyPromotion', skills: [], minutes: 120, points: 10 },
    });
    expect(first.order.events).toEqual([expect.objectContaining({ type: 'posted' })]);
    expect(await cloud.data('postTask', event, DEMO.gridLeader)).toMatchObject({ replayed: true, order: { id: first.order.id } });
    expect(await cloud.call('postTask', { ...event, address: '别处' }, DEMO.gridLeader)).toMatchObject({
      ok: false,
      code: 'ORDER.IDEMPOTENCY_CONFLICT',
    });
  });

  it('refuses anyone but the grid’s 网格员/网格长, a slot past or over a month ahead or ending first, and an unknown skill', async () => {
    const event = {
      idempotencyKey: draftKey(),
      gridCode: GRID,
      taskKind: 'mediation',
      address: '调解室',
      date: dayAhead(1),
      start: '09:00',
      end: '10:00',
    };
    for (const openid of [VOLUNTEER, DEMO.gridWorkerElsewhere, DEMO.communityCentre, DEMO.resident]) {
      expect(await cloud.call('postTask', { ...event, idempotencyKey: draftKey() }, openid)).toMatchObject({
        ok: false,
        code: 'AUTH.FORBIDDEN',
      });
    }
    for (const slot of [
      { date: dayAhead(-1) },
      { date: dayAhead(40) },
      { start: '10:00', end: '09:00' },
      { start: '06:00', end: '18:00' },
      { date: '2026-02-30' },
    ]) {
      expect(await cloud.call('postTask', { ...event, ...slot, idempotencyKey: draftKey() }, DEMO.gridWorker)).toMatchObject({
        ok: false,
        code: 'TASK.SLOT_INVALID',
      });
    }
    expect(await cloud.call('postTask', { ...event, idempotencyKey: draftKey(), skills: ['飞行'] }, DEMO.gridWorker)).toMatchObject({
      ok: false,
      code: 'VOLUNTEER.SKILL_UNKNOWN',
    });
  });
});

describe('taskHall', () => {
  it('shows a volunteer the tasks of their grids that ask for one of their skills or none, soonest first, page by page', async () => {
    const open = await post();
    const mine = await post({ skills: ['代办', '法律'] });
    const barbers = await post({ skills: ['理发'] });
    const elsewhere = (
      await cloud.data<{ order: HallItem }>(
        'postTask',
        {
          idempotencyKey: draftKey(),
          gridCode: OTHER_GRID,
          taskKind: 'sanitation',
          address: '河边',
          date: dayAhead(2),
          start: '08:00',
          end: '09:00',
        },
        DEMO.gridWorkerElsewhere,
      )
    ).order;
    const seen = (items: HallItem[]) => items.map((item) => item.id);
    const volunteers = seen(await wholeHall(VOLUNTEER));
    expect(volunteers).toEqual(expect.arrayContaining([open.id, mine.id]));
    expect(volunteers).not.toContain(barbers.id);
    expect(volunteers).not.toContain(elsewhere.id);
    expect(seen(await wholeHall(BARBER))).toEqual(expect.arrayContaining([open.id, barbers.id]));
    expect(seen(await wholeHall(BARBER))).not.toContain(mine.id);
    // The grid's staff see every task of it.
    expect(seen(await wholeHall(DEMO.gridWorker, { gridCode: GRID }))).toEqual(expect.arrayContaining([open.id, mine.id, barbers.id]));
    // Soonest first, the same list however it is paged.
    const paged = await wholeHall(DEMO.gridWorker, { gridCode: GRID, limit: 2 });
    const starts = paged.map((item) => item.slot.startsAt);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(seen(paged)).toEqual(seen(await wholeHall(DEMO.gridWorker, { gridCode: GRID })));
  });

  it('reads a page on grid_status_slot, about a page of documents', async () => {
    for (let i = 0; i < 3; i++) await post();
    const stats = cloud.testCloud.cloud.database.stats as { recentScans: Scan[] };
    const before = new Set(stats.recentScans);
    const page = await hall(DEMO.gridWorker, { gridCode: GRID, limit: 2 });
    expect(page.items).toHaveLength(2);
    const scans = stats.recentScans.filter((scan) => !before.has(scan) && scan.collection === 'serviceOrders');
    expect(scans).toEqual([expect.objectContaining({ index: expect.stringMatching(/:grid_status_slot$/), rowsRead: 3 })]);
  });

  it('lists a booking the grid worker sent to the hall (网格下单) with its service’s skills', async () => {
    const { services } = await cloud.data<{ services: { serviceCode: string; upcoming: { key: string; left: number }[] }[] }>(
      'gridServices',
      {},
      DEMO.resident,
    );
    const slot = services.find((service) => service.serviceCode === 'YLRZ')?.upcoming.find((occurrence) => occurrence.left > 0);
    const event = { idempotencyKey: draftKey(), serviceCode: 'YLRZ', slotKey: slot?.key, address: '幸福路 3 号' };
    const { order } = await cloud.data<{ order: OrderView }>('bookService', event, DEMO.resident);
    expect((await wholeHall(VOLUNTEER)).map((item) => item.id)).not.toContain(order.id);
    await cloud.data('dispatchOrder', { orderId: order.id, mode: 'hall' }, DEMO.gridWorker);
    expect((await wholeHall(VOLUNTEER)).find((item) => item.id === order.id)).toMatchObject({ kind: 'order', skills: ['代办'], points: 5 });
    expect((await wholeHall(BARBER)).map((item) => item.id)).not.toContain(order.id);
  });

  it('refuses a grid the caller neither volunteers in nor serves, and a resident', async () => {
    expect(await cloud.call('taskHall', { gridCode: OTHER_GRID }, VOLUNTEER)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await cloud.call('taskHall', { gridCode: GRID }, DEMO.gridWorkerElsewhere)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await cloud.call('taskHall', {}, DEMO.resident)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });
});

describe('claimOrder (党员接单)', () => {
  it('gives a task to exactly one of 100 volunteers claiming it at once; 99 are refused; the timeline holds one claim', async () => {
    const claimers = Array.from({ length: 100 }, (_, i) => ({ _id: `u-race-${i}`, openid: `o-race-${process.pid}-${i}` }));
    await Promise.all(
      claimers.map((person, i) =>
        cloud
          .db()
          .collection('users')
          .add({ data: { ...person, name: `志愿者${i}`, roles: ['volunteer', 'resident'], gridCodes: [GRID], skills: [] } }),
      ),
    );
    const task = await post();
    const answers = await Promise.all(
      claimers.map((person) => cloud.call<{ order: OrderView }>('claimOrder', { orderId: task.id }, person.openid)),
    );
    const winners = answers.flatMap((answer, i) => (answer.ok ? [claimers[i]?._id] : []));
    expect(winners).toHaveLength(1);
    const refusals = answers.filter((answer) => !answer.ok).map((answer) => (answer.ok ? '' : answer.code));
    expect(refusals).toEqual(Array.from({ length: 99 }, () => 'ORDER.INVALID_TRANSITION'));
    const stored = await cloud.get<StoredOrder>('serviceOrders', task.id);
    expect(stored?.status).toBe('claimed');
    expect(stored?.claimant).toEqual({ personId: winners[0], as: 'volunteer' });
    expect(stored?.events.filter((event) => event.type === 'claimed')).toEqual([expect.objectContaining({ actorId: winners[0] })]);
    expect((await wholeHall(VOLUNTEER)).map((item) => item.id)).not.toContain(task.id);
  });

  it('lets exactly one of a cancel and a claim win, every time', async () => {
    for (let round = 0; round < 6; round++) {
      const task = await post();
      const [cancel, claim] = await Promise.all([
        cloud.call('cancelOrder', { orderId: task.id }, DEMO.gridWorker),
        cloud.call('claimOrder', { orderId: task.id }, VOLUNTEER),
      ]);
      expect([cancel, claim].filter((answer) => answer.ok)).toHaveLength(1);
      expect(cancel.ok ? claim : cancel).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
      const stored = await cloud.get<StoredOrder>('serviceOrders', task.id);
      expect(stored?.status).toBe(cancel.ok ? 'cancelled' : 'claimed');
      expect(stored?.events).toHaveLength(2);
    }
  });

  it('does not find another grid’s task for a volunteer, and refuses the grid’s staff (they serve, not claim)', async () => {
    const { order } = await cloud.data<{ order: HallItem }>(
      'postTask',
      {
        idempotencyKey: draftKey(),
        gridCode: OTHER_GRID,
        taskKind: 'opinionGathering',
        address: '河边',
        date: dayAhead(2),
        start: '15:00',
        end: '16:00',
      },
      DEMO.gridWorkerElsewhere,
    );
    expect(await cloud.call('claimOrder', { orderId: order.id }, VOLUNTEER)).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' });
    expect(await cloud.call('claimOrder', { orderId: order.id }, DEMO.gridWorkerElsewhere)).toMatchObject({
      ok: false,
      code: 'ORDER.FORBIDDEN',
    });
    expect(await cloud.get<StoredOrder>('serviceOrders', order.id)).toMatchObject({ status: 'posted', events: [{ type: 'posted' }] });
  });
});

describe('withdrawOrder (退单)', () => {
  it('gives the task back to the hall without its claimant; nobody else may, and the hall lists it again', async () => {
    const task = await post();
    await cloud.data('claimOrder', { orderId: task.id, note: '我来' }, VOLUNTEER);
    expect(await cloud.call('withdrawOrder', { orderId: task.id }, BARBER)).toMatchObject({ ok: false, code: 'ORDER.FORBIDDEN' });
    expect(await cloud.call('withdrawOrder', { orderId: task.id }, DEMO.gridWorker)).toMatchObject({ ok: false, code: 'ORDER.FORBIDDEN' });
    expect(await cloud.call('withdrawOrder', { orderId: task.id, note: '临时出差' }, VOLUNTEER)).toMatchObject({
      ok: true,
      data: { order: { status: 'posted' } },
    });
    const stored = await cloud.get<StoredOrder>('serviceOrders', task.id);
    expect(stored?.claimant).toBeUndefined();
    expect(stored?.events.map((event) => event.type)).toEqual(['posted', 'claimed', 'withdrawn']);
    expect((await wholeHall(BARBER)).map((item) => item.id)).toContain(task.id);
    expect(await cloud.call('claimOrder', { orderId: task.id }, BARBER)).toMatchObject({ ok: true });
  });

  it('refuses once the slot has started (ORDER.TOO_LATE), leaving the claim', async () => {
    const task = await post();
    await cloud.data('claimOrder', { orderId: task.id }, VOLUNTEER);
    await cloud
      .db()
      .collection('serviceOrders')
      .doc(task.id)
      .update({ data: { 'slot.startsAt': Date.now() - 60_000 } });
    expect(await cloud.call('withdrawOrder', { orderId: task.id }, VOLUNTEER)).toMatchObject({ ok: false, code: 'ORDER.TOO_LATE' });
    expect(await cloud.get<StoredOrder>('serviceOrders', task.id)).toMatchObject({ status: 'claimed' });
  });
});
