import type { ServiceOrder } from '@pingan/shared';
import { DEMO, draftKey, startFunctionsCloud, type FunctionsCloud } from './helpers/functions-cloud';
import { slotOf, uploadAt } from './helpers/uploads';

/**
 * The second half of an order's life through the real SDK (docs/DESIGN.md, "Service orders (居民点单)"):
 * 完成 with the claimant's own photos, 确认完成 crediting the volunteer's minutes and points exactly once
 * (twice, racing, against a dispute), 有异议 and the grid worker's 裁定, 评价, orderDetail, and the messages.
 */
const GRID = '410399001001-03';
const VOLUNTEER = 'o-demo-volunteer-01'; // 王建国, u-volunteer-01, grid -03
const OTHER_VOLUNTEER = 'o-demo-volunteer-02'; // 周丽萍, grids -04 and -03
const SMLF = { minutes: 40, points: 5 }; // 上门理发, data/demo-county/services.json

type OrderView = { id: string; status: string; events: { type: string }[] };
type Step = { seq: number; type: string; actorName?: string; photos?: string[]; credit?: { minutes: number; points: number } };
type Detail = OrderView & {
  steps: Step[];
  claimant?: { name: string; as: string };
  credit?: { minutes: number; points: number };
  rating?: { satisfaction: number; comment?: string };
  viewerIs: string[];
  photoUrls?: { files: { fileID: string; url: string }[] };
};
type Message = { _id: string; kind: string; orderId: string; recipientOpenid: string; title: string; body: string };

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
  const slots = Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, start: '21:00', end: '21:40', capacity: 50 }));
  await cloud.data('saveGridServices', { gridCode: GRID, services: [{ serviceCode: 'SMLF', slots }] }, DEMO.gridLeader);
}, 120_000);
afterAll(async () => cloud?.stop());

const ok = <T = { order: OrderView }>(name: string, event: unknown, openid: string) => cloud.data<T>(name, event, openid);
const call = (name: string, event: unknown, openid: string) => cloud.call(name, event, openid);
const stored = (id: string) => cloud.get<ServiceOrder & { _id: string; version: number }>('serviceOrders', id);
const credits = (id: string) =>
  cloud.find<{ _id: string; personId: string; kind: string; unit: string; amount: number; minutes: number }>('pointsLedger', {
    orderId: id,
  });
const messagesOf = (id: string) => cloud.find<Message>('messages', { orderId: id });

async function booked(openid: string = DEMO.resident): Promise<string> {
  const { services } = await cloud.data<{ services: { upcoming: { key: string; left: number }[] }[] }>('gridServices', {}, openid);
  const slot = services[0]?.upcoming.find((occurrence) => occurrence.left > 0);
  if (!slot) throw new Error('no place left');
  const event = { idempotencyKey: draftKey(), serviceCode: 'SMLF', slotKey: slot.key, address: '幸福路 3 号 2 单元 401' };
  return (await ok('bookService', event, openid)).order.id;
}

/** An order of 张秀兰's in the task hall (网格下单), claimed by the volunteer (党员接单). */
async function claimedByVolunteer(openid: string = VOLUNTEER): Promise<string> {
  const id = await booked();
  await ok('dispatchOrder', { orderId: id, mode: 'hall' }, DEMO.gridWorker);
  await ok('claimOrder', { orderId: id }, openid);
  return id;
}

/** A photo the caller uploaded into their 'completion' slot for a key, as the client does. */
async function completionPhoto(openid: string, key: string, name = 'done.png'): Promise<string> {
  return uploadAt(cloud, `${await slotOf(cloud, openid, key, 'completion')}${name}`);
}

async function completed(openid: string = VOLUNTEER, id?: string): Promise<string> {
  const orderId = id ?? (await claimedByVolunteer(openid));
  const uploadKey = draftKey();
  const photo = await completionPhoto(openid, uploadKey);
  await ok('completeOrder', { orderId, note: '已理发，老人很满意', photos: [photo], uploadKey }, openid);
  return orderId;
}

describe('completeOrder (完成)', () => {
  it('lets the volunteer who holds it complete it with their own photos and a note, and asks the requester to confirm', async () => {
    const id = await claimedByVolunteer();
    const uploadKey = draftKey();
    const photo = await completionPhoto(VOLUNTEER, uploadKey);
    const answer = await ok('completeOrder', { orderId: id, note: '已理发', photos: [photo], uploadKey }, VOLUNTEER);
    expect(answer.order.status).toBe('completed');
    const doc = await stored(id);
    const step = doc?.events[doc.events.length - 1] as Record<string, unknown> | undefined;
    expect(step).toMatchObject({ type: 'completed', photos: [photo], note: '已理发', actorOpenid: VOLUNTEER, uploadKey });
    // Storage-only: the answer carries neither the uploader's openid nor the key.
    expect(JSON.stringify(answer)).not.toContain(VOLUNTEER);
    const messages = await messagesOf(id);
    expect(messages.map((m) => [m.kind, m.recipientOpenid])).toEqual(
      expect.arrayContaining([
        ['orderClaimed', DEMO.resident],
        ['orderCompleted', DEMO.resident],
      ]),
    );
    expect(messages.find((m) => m.kind === 'orderClaimed')?.body).toContain('志愿者王建国接单');
    expect(messages.find((m) => m.kind === 'orderCompleted')?._id).toBe(`${id}:4:u-resident-01`);
  });

  it('refuses photos not the caller’s own, a name with no file, no photo, and anyone but the claimant; and writes nothing', async () => {
    const id = await claimedByVolunteer();
    const key = draftKey();
    const others = await completionPhoto(OTHER_VOLUNTEER, key);
    const before = await stored(id);
    expect(await call('completeOrder', { orderId: id, note: '已理发', photos: [others], uploadKey: key }, VOLUNTEER)).toMatchObject({
      ok: false,
      code: 'FILE.NOT_YOURS',
    });
    const mine = await completionPhoto(VOLUNTEER, key);
    const missing = mine.replace('done.png', 'never.png');
    expect(await call('completeOrder', { orderId: id, note: '已理发', photos: [missing], uploadKey: key }, VOLUNTEER)).toMatchObject({
      ok: false,
      code: 'FILE.NOT_FOUND',
    });
    expect(await call('completeOrder', { orderId: id, note: '已理发', photos: [], uploadKey: key }, VOLUNTEER)).toMatchObject({
      ok: false,
      code: 'ORDER.PROOF_REQUIRED',
    });
    expect(await call('completeOrder', { orderId: id, photos: [mine], uploadKey: key }, VOLUNTEER)).toMatchObject({
      ok: false,
      code: 'ORDER.PROOF_REQUIRED',
    });
    expect(await call('completeOrder', { orderId: id, note: '已理发', photos: [others], uploadKey: key }, OTHER_VOLUNTEER)).toMatchObject({
      ok: false,
      code: 'ORDER.FORBIDDEN',
    });
    expect(await call('completeOrder', { orderId: id, note: '已理发', photos: [mine], uploadKey: key }, DEMO.resident)).toMatchObject({
      ok: false,
      code: 'ORDER.FORBIDDEN',
    });
    expect((await stored(id))?.version).toBe(before?.version);
  });

  it('gives a completion slot to volunteers and staff, and not to a resident', async () => {
    for (const openid of [VOLUNTEER, DEMO.gridWorker]) {
      expect(await call('uploadSlot', { purpose: 'completion', key: draftKey() }, openid)).toMatchObject({ ok: true });
    }
    expect(await call('uploadSlot', { purpose: 'completion', key: draftKey() }, DEMO.resident)).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
  });
});

describe('confirmOrder (确认完成): the volunteer is credited exactly once', () => {
  it('credits the volunteer the order’s minutes and points in one ledger entry, tells them, and shows it in myPoints', async () => {
    const id = await completed();
    const answer = await ok('confirmOrder', { orderId: id }, DEMO.resident);
    expect(answer.order.status).toBe('confirmed');
    expect(await credits(id)).toEqual([
      expect.objectContaining({
        _id: `service:${id}`,
        personId: 'u-volunteer-01',
        kind: 'service',
        unit: 'point',
        amount: SMLF.points,
        minutes: SMLF.minutes,
      }),
    ]);
    expect(await stored(id)).toMatchObject({ credit: { personId: 'u-volunteer-01', ...SMLF } });
    const points = await ok<{ entries: { id: string; kind: string; amount: number; minutes?: number; orderId?: string }[] }>(
      'myPoints',
      { limit: 50 },
      VOLUNTEER,
    );
    expect(points.entries).toContainEqual(
      expect.objectContaining({ id: `service:${id}`, kind: 'service', amount: 5, minutes: 40, orderId: id }),
    );
    const told = (await messagesOf(id)).filter((m) => m.kind === 'orderConfirmed');
    expect(told.map((m) => m.recipientOpenid)).toEqual([VOLUNTEER]);
    expect(told[0]?.body).toContain('记服务时长 40 分钟、积分 5 分');
  });

  it('credits once when the requester confirms twice', async () => {
    const id = await completed();
    await ok('confirmOrder', { orderId: id }, DEMO.resident);
    expect(await call('confirmOrder', { orderId: id }, DEMO.resident)).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    expect(await credits(id)).toHaveLength(1);
    expect((await messagesOf(id)).filter((m) => m.kind === 'orderConfirmed')).toHaveLength(1);
  });

  it('credits once when five confirms race, every time', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await completed();
      const answers = await Promise.all(Array.from({ length: 5 }, () => call('confirmOrder', { orderId: id }, DEMO.resident)));
      expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
      for (const loser of answers.filter((answer) => !answer.ok)) {
        expect(['ORDER.INVALID_TRANSITION', 'ORDER.BUSY']).toContain((loser as { code: string }).code);
      }
      expect(await credits(id)).toHaveLength(1);
      const doc = await stored(id);
      expect(doc?.events.filter((event) => event.type === 'confirmed')).toHaveLength(1);
    }
  });

  it('lets exactly one of a confirm and a dispute racing win; the volunteer is credited only if the confirm did', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await completed();
      const [confirm, dispute] = await Promise.all([
        call('confirmOrder', { orderId: id }, DEMO.resident),
        call('disputeOrder', { orderId: id, note: '没有来' }, DEMO.resident),
      ]);
      expect([confirm, dispute].filter((answer) => answer.ok)).toHaveLength(1);
      expect((await stored(id))?.status).toBe(confirm.ok ? 'confirmed' : 'disputed');
      expect(await credits(id)).toHaveLength(confirm.ok ? 1 : 0);
    }
  });

  it('credits nothing to a grid worker who served it herself, and refuses anyone but the requester', async () => {
    const id = await booked();
    await ok('dispatchOrder', { orderId: id, mode: 'self' }, DEMO.gridWorker);
    expect((await messagesOf(id)).find((m) => m.kind === 'orderClaimed')?.body).toContain('网格员赵丽接单');
    await completed(DEMO.gridWorker, id);
    for (const openid of [DEMO.gridWorker, DEMO.gridLeader, VOLUNTEER]) {
      expect(await call('confirmOrder', { orderId: id }, openid)).toMatchObject({ ok: false, code: 'ORDER.FORBIDDEN' });
    }
    expect(await call('confirmOrder', { orderId: id }, DEMO.otherResident)).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' });
    expect(await ok('confirmOrder', { orderId: id }, DEMO.resident)).toMatchObject({ order: { status: 'confirmed' } });
    expect(await credits(id)).toEqual([]);
    expect((await stored(id))?.credit).toBeUndefined();
  });
});

describe('disputeOrder (有异议) and settleOrder (裁定)', () => {
  it('wants a note; tells the volunteer and the grid’s staff; 未完成 sends it back to the hall without its claimant', async () => {
    const id = await completed();
    expect(await call('disputeOrder', { orderId: id, note: ' ' }, DEMO.resident)).toMatchObject({ ok: false, code: 'ORDER.NOTE_REQUIRED' });
    expect(await ok('disputeOrder', { orderId: id, note: '理发师没有来' }, DEMO.resident)).toMatchObject({ order: { status: 'disputed' } });
    const told = (await messagesOf(id)).filter((m) => m.kind === 'orderDisputed');
    expect(told.map((m) => m.recipientOpenid).sort()).toEqual(
      [DEMO.gridLeader, DEMO.gridWorker, 'o-demo-grid-worker-04', VOLUNTEER].sort(),
    );
    expect(told.find((m) => m.recipientOpenid === DEMO.gridWorker)?.title).toBe('居民对服务有异议，请裁定');

    const settle = { orderId: id, decision: 'notDone', note: '核实未上门' };
    expect(await call('settleOrder', settle, DEMO.resident)).toMatchObject({ ok: false, code: 'ORDER.FORBIDDEN' });
    expect(await call('settleOrder', settle, VOLUNTEER)).toMatchObject({ ok: false, code: 'ORDER.FORBIDDEN' });
    expect(await call('settleOrder', settle, DEMO.gridWorkerElsewhere)).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' });
    expect(await call('settleOrder', { ...settle, note: '' }, DEMO.gridWorker)).toMatchObject({ ok: false, code: 'ORDER.NOTE_REQUIRED' });
    expect(await ok('settleOrder', settle, DEMO.gridWorker)).toMatchObject({ order: { status: 'posted' } });
    expect((await stored(id))?.claimant).toBeUndefined();
    expect(await credits(id)).toEqual([]);
    const settled = (await messagesOf(id)).filter((m) => m.kind === 'orderSettled');
    expect(settled.map((m) => m.recipientOpenid).sort()).toEqual([DEMO.resident, VOLUNTEER].sort());
  });

  it('settles 已完成 as a confirm: credited once, even when both of the grid’s staff settle at once', async () => {
    const id = await completed();
    await ok('disputeOrder', { orderId: id, note: '没有打扫干净' }, DEMO.resident);
    const settle = { orderId: id, decision: 'done', note: '现场核实已完成' };
    const answers = await Promise.all([call('settleOrder', settle, DEMO.gridWorker), call('settleOrder', settle, DEMO.gridLeader)]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect((await stored(id))?.status).toBe('confirmed');
    expect(await credits(id)).toEqual([
      expect.objectContaining({ personId: 'u-volunteer-01', amount: SMLF.points, minutes: SMLF.minutes }),
    ]);
  });
});

describe('rateOrder (评价)', () => {
  it('lets the requester rate a confirmed order once, 1 to 5, and nobody else', async () => {
    const id = await completed();
    const rate = { orderId: id, satisfaction: 5, comment: '理得很好' };
    expect(await call('rateOrder', rate, DEMO.resident)).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    await ok('confirmOrder', { orderId: id }, DEMO.resident);
    expect(await call('rateOrder', { ...rate, satisfaction: 6 }, DEMO.resident)).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    expect(await call('rateOrder', rate, VOLUNTEER)).toMatchObject({ ok: false, code: 'ORDER.FORBIDDEN' });
    expect(await call('rateOrder', rate, DEMO.otherResident)).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' });
    expect(await ok('rateOrder', rate, DEMO.resident)).toMatchObject({ order: { status: 'rated' } });
    expect(await call('rateOrder', rate, DEMO.resident)).toMatchObject({ ok: false, code: 'ORDER.INVALID_TRANSITION' });
    expect(await stored(id)).toMatchObject({ rating: { satisfaction: 5, comment: '理得很好' } });
  });
});

describe('orderDetail', () => {
  it('shows the timeline by name, who serves it, the credit and rating, and the completion photos as signed URLs', async () => {
    const id = await completed();
    await ok('confirmOrder', { orderId: id }, DEMO.resident);
    await ok('rateOrder', { orderId: id, satisfaction: 4 }, DEMO.resident);
    const { order } = await ok<{ order: Detail }>('orderDetail', { orderId: id }, DEMO.resident);
    expect(order.steps.map((step) => step.type)).toEqual(['booked', 'dispatched', 'claimed', 'completed', 'confirmed', 'rated']);
    expect(order.steps.map((step) => step.actorName)).toEqual(['张秀兰', '赵丽', '王建国', '王建国', '张秀兰', '张秀兰']);
    expect(order).toMatchObject({
      status: 'rated',
      claimant: { name: '王建国', as: 'volunteer' },
      credit: SMLF,
      rating: { satisfaction: 4 },
    });
    expect(order.viewerIs).toEqual(['requester']);
    const photo = order.steps[3]?.photos?.[0];
    expect(order.photoUrls?.files).toEqual([{ fileID: photo, url: expect.stringMatching(/^https?:\/\//) }]);
    expect(JSON.stringify(order)).not.toContain('o-demo-');
  });

  it('signs no URL for a photo a step carries outside its actor’s completion slot', async () => {
    const id = await completed();
    const doc = await stored(id);
    const elsewhere = await uploadAt(cloud, `${await slotOf(cloud, OTHER_VOLUNTEER, draftKey(), 'completion')}x.png`);
    const events = (doc?.events ?? []).map((event) =>
      event.type === 'completed' ? { ...event, photos: [...(event.photos ?? []), elsewhere] } : event,
    );
    await cloud.db().collection('serviceOrders').doc(id).update({ data: { events } });
    const { order } = await ok<{ order: Detail }>('orderDetail', { orderId: id }, DEMO.gridWorker);
    expect(order.photoUrls?.files.map((file) => file.fileID)).not.toContain(elsewhere);
    expect(order.photoUrls?.files).toHaveLength(1);
    expect(order.viewerIs).toEqual(['gridStaff']);
  });

  it('shows it to the grid’s volunteers while it waits in the hall, and to nobody without a part once someone holds it', async () => {
    const id = await booked();
    await ok('dispatchOrder', { orderId: id, mode: 'hall' }, DEMO.gridWorker);
    expect(await ok<{ order: Detail }>('orderDetail', { orderId: id }, OTHER_VOLUNTEER)).toMatchObject({
      order: { status: 'posted', viewerIs: ['gridVolunteer'] },
    });
    const held = await claimedByVolunteer();
    expect(await call('orderDetail', { orderId: held }, OTHER_VOLUNTEER)).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' });
    expect(await ok<{ order: Detail }>('orderDetail', { orderId: held }, VOLUNTEER)).toMatchObject({
      order: { viewerIs: ['claimant', 'gridVolunteer'] },
    });
    for (const openid of [DEMO.otherResident, DEMO.gridWorkerElsewhere, DEMO.police, DEMO.communityCentre, 'o-stranger-order']) {
      expect(await call('orderDetail', { orderId: held }, openid)).toMatchObject({ ok: false, code: 'ORDER.NOT_FOUND' });
    }
  });
});

describe('messages about orders in 消息', () => {
  it('lists them for their recipient with the order a tap opens and no report', async () => {
    const id = await completed();
    const { items } = await ok<{ items: { id: string; kind: string; orderId?: string; reportId?: string }[] }>(
      'myMessages',
      { limit: 50 },
      DEMO.resident,
    );
    const mine = items.filter((item) => item.orderId === id);
    expect(mine.map((item) => item.kind).sort()).toEqual(['orderClaimed', 'orderCompleted']);
    expect(mine.every((item) => item.reportId === undefined)).toBe(true);
  });
});
