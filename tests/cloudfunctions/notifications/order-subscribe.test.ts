import { DEMO_SUBSCRIBE_TEMPLATES } from '../../../tools/seed/demo-documents';
import { DEMO, draftKey, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';

/**
 * A service order's messages also go out as WeChat subscribe messages where the person consented
 * (docs/DESIGN.md, "Telling people"): one send per in-app message newly written, with its kind's template,
 * the fields filled from the order, opening the order page. The local cloud requires consent, as WeChat
 * does (43101 without one). Built functions, the real SDK, the demo county.
 */
const GRID = '410399001001-03';
const VOLUNTEER = 'o-demo-volunteer-01'; // 王建国, u-volunteer-01, grid -03
const TEMPLATES = DEMO_SUBSCRIBE_TEMPLATES.templates;
const MINUTE = 60_000;

let cloud: FunctionsCloud;
let moves: typeof import('../../../cloudfunctions/src/service/order-moves');
beforeAll(async () => {
  cloud = await startFunctionsCloud({ subscribeConsent: 'required' });
  moves = await import('../../../cloudfunctions/src/service/order-moves');
  const slots = Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, start: '21:00', end: '21:40', capacity: 50 }));
  await cloud.data('saveGridServices', { gridCode: GRID, services: [{ serviceCode: 'SMLF', slots }] }, DEMO.gridLeader);
}, 180_000);
afterAll(async () => cloud?.stop());

const sentTo = (touser: string, orderId: string) =>
  cloud.testCloud.cloud.openApi.sentMessages().filter((m) => m.touser === touser && m.page === `orders/pages/order/index?id=${orderId}`);
const consent = (openid: string, ...templateIds: string[]) => cloud.testCloud.cloud.openApi.grantSubscribeConsent(openid, templateIds);

async function inTheHall(): Promise<string> {
  const { services } = await cloud.data<{ services: { upcoming: { key: string; left: number }[] }[] }>('gridServices', {}, DEMO.resident);
  const slot = services[0]?.upcoming.find((occurrence) => occurrence.left > 0);
  if (!slot) throw new Error('no place left');
  const event = { idempotencyKey: draftKey(), serviceCode: 'SMLF', slotKey: slot.key, address: '幸福路 3 号 2 单元 401' };
  const { order } = await cloud.data<{ order: { id: string } }>('bookService', event, DEMO.resident);
  await cloud.data('dispatchOrder', { orderId: order.id, mode: 'hall' }, DEMO.gridWorker);
  return order.id;
}

it('接单 tells the requester who consented in WeChat too: the service, who is coming and when, opening the order', async () => {
  const id = await inTheHall();
  consent(DEMO.resident, TEMPLATES.orderClaimed!.templateId);
  await cloud.data('claimOrder', { orderId: id }, VOLUNTEER);
  const sent = sentTo(DEMO.resident, id);
  expect(sent).toEqual([
    expect.objectContaining({
      templateId: TEMPLATES.orderClaimed!.templateId,
      data: expect.objectContaining({ thing1: { value: '上门理发' }, phrase2: { value: '已接单' }, name4: { value: '王建国' } }),
    }),
  ]);
  expect(sent[0]?.data.time3?.value).toMatch(/^\d{4}年\d\d月\d\d日 21:00$/);
}, 120_000);

it('without consent nothing goes out through WeChat, and the in-app message and the move stand', async () => {
  const id = await inTheHall();
  const answer = await cloud.call('claimOrder', { orderId: id }, VOLUNTEER);
  expect(answer).toMatchObject({ ok: true, data: { order: { status: 'claimed' } } });
  expect(sentTo(DEMO.resident, id)).toEqual([]);
  expect(await cloud.find('messages', { orderId: id, kind: 'orderClaimed' })).toHaveLength(1);
}, 120_000);

it('a message a crash left owed goes out through WeChat when the sweep delivers it, once', async () => {
  const id = await inTheHall();
  consent(DEMO.resident, TEMPLATES.orderClaimed!.templateId, TEMPLATES.orderClaimed!.templateId);
  const at = Date.now();
  await moves.makeOrderMove(id, { type: 'claim' }, { openid: VOLUNTEER }, at); // died after the save
  expect(sentTo(DEMO.resident, id)).toEqual([]);
  const fire = (when: number) => cloud.testCloud.cloud.functions.fireTimer('clockSweep', new Date(when));
  await fire(at + 2 * MINUTE);
  await fire(at + 3 * MINUTE);
  expect(sentTo(DEMO.resident, id).map((m) => m.templateId)).toEqual([TEMPLATES.orderClaimed!.templateId]);
}, 120_000);

it('有异议 asks the grid’s staff in WeChat to settle, and tells the volunteer', async () => {
  const id = await inTheHall();
  await cloud.data('claimOrder', { orderId: id }, VOLUNTEER);
  const doc = (await cloud.get<{ version: number; events: unknown[] }>('serviceOrders', id))!;
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
  consent(DEMO.gridWorker, TEMPLATES.orderDisputed!.templateId);
  consent(VOLUNTEER, TEMPLATES.orderDisputed!.templateId);
  await cloud.data('disputeOrder', { orderId: id, note: '没有来' }, DEMO.resident);
  expect(sentTo(DEMO.gridWorker, id)).toEqual([
    expect.objectContaining({
      templateId: TEMPLATES.orderDisputed!.templateId,
      data: expect.objectContaining({ phrase2: { value: '有异议' }, thing4: { value: '没有来' }, thing5: { value: '请点击核实并裁定' } }),
    }),
  ]);
  expect(sentTo(VOLUNTEER, id)).toEqual([
    expect.objectContaining({ data: expect.objectContaining({ thing5: { value: '网格员将核实裁定' } }) }),
  ]);
}, 120_000);
