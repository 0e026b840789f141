/**
 * How many requests each cloud function makes to the cloud (database, storage, open API), and how many of
 * them wait on each other ("waves": requests in flight together count once), cold and warm. The built
 * bundles run in this process against the local cloud, seeded with the demo county, with Node's
 * http.request counted; a cold call is the first after a fresh load of the bundle, as on a new instance.
 *
 *   npx tsx bench/function-round-trips.bench.ts [--write-baseline]
 *
 * The counts are deterministic; compared with bench/baselines/function-round-trips.json, a function
 * making more than 3× the waves it made fails the bench (an N+1 query creeping in, say).
 */
import tcb from '@cloudbase/node-sdk';
import http from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildFunctions } from '../tools/build-functions';
import { seedDemoCounty } from '../tools/seed/seed';
import { compareWithBaseline, type Figures } from './lib/baseline';
import { runBench, withBenchCloud } from './lib/bench-cloud';
import { setReportRateLimits } from '../tests/helpers/rate-limits';
import { nextMonthKey, shanghaiMonthKey } from '@pingan/shared';

const DIST = join(__dirname, '../cloudfunctions/dist');

/** Requests to the cloud while a call runs: how many, of which actions, and how many sequential waves. */
const traffic = { requests: 0, waves: 0, inFlight: 0, actions: [] as string[] };

function countRequests(cloudUrl: string): void {
  const original = http.request.bind(http) as (...args: unknown[]) => http.ClientRequest;
  (http as { request: unknown }).request = (...args: unknown[]) => {
    const request = original(...args);
    if (!String(args[0]).startsWith(cloudUrl)) return request;
    traffic.requests += 1;
    if (traffic.inFlight === 0) traffic.waves += 1;
    traffic.inFlight += 1;
    request.once('close', () => (traffic.inFlight -= 1));
    const chunks: Buffer[] = [];
    const write = request.write.bind(request) as (chunk: unknown, ...rest: unknown[]) => boolean;
    request.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk) chunks.push(Buffer.from(chunk as string));
      return write(chunk, ...rest);
    }) as typeof request.write;
    request.once('finish', () => traffic.actions.push(actionOf(Buffer.concat(chunks).toString('utf8'), String(args[0]))));
    return request;
  };
}

function actionOf(body: string, url: string): string {
  const named = /"action":"([^"]+)"/.exec(body) ?? /name="action"\r\n\r\n([^\r]+)/.exec(body);
  return named?.[1] ?? `${new URL(url).pathname.split('/')[1] ?? ''} (raw)`;
}

type Main = (event: unknown, context: object) => Promise<{ ok: boolean; code?: string; data?: unknown }>;

const requireBundle = createRequire(__filename);

/** A function's bundle, loaded afresh (cold: module state such as the grid index starts empty). */
function load(name: string): Main {
  const file = requireBundle.resolve(join(DIST, name, 'index.js'));
  delete requireBundle.cache[file];
  return (requireBundle(file) as { main: Main }).main;
}

async function call(main: Main, event: unknown, openid: string) {
  Object.assign(process.env, { WX_OPENID: openid, WX_APPID: 'wx-bench', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID' });
  Object.assign(traffic, { requests: 0, waves: 0, inFlight: 0, actions: [] });
  const answer = await main(event, {});
  if (!answer.ok) throw new Error(`${JSON.stringify(event)} answered ${answer.code}`);
  return { answer, requests: traffic.requests, waves: traffic.waves, actions: [...traffic.actions] };
}

/** `warmOpenid`: who makes the warm call, where the cold call changed what the caller may do next (one open help call each). */
type Scenario = { name: string; fn: string; openid: string; warmOpenid?: string; event: () => unknown; note?: string };

let key = 0;
const report = (location: number[], overrides: object = {}) => ({
  categoryCode: 'XFYH',
  text: '楼道堆放杂物',
  photos: [],
  location,
  anonymous: false,
  idempotencyKey: `round-trips-${(key += 1)}-${Date.now()}`,
  ...overrides,
});
/** Reports made before the measured calls, for the accepts and rejects to decide on. */
const pending: string[] = [];
let lastSubmitted = '';
/** A report with an uploaded photo, whose detail asks storage for its URL. */
let withPhoto = '';
/** Accepted cases of grid -03 for 上报上级, then (owned by the community) 督办 by the county, its answer, and 下派 back. */
const toEscalate: string[] = [];
const toSupervise: string[] = [];
const toAnswer: string[] = [];
const toHandBack: string[] = [];
/** 网格报到 applications to decide, and tasks of grid -03's hall to claim, then (claimed) to give back. */
const toReview: string[] = [];
/** 信息员 applications to approve. */
const toReviewInformant: string[] = [];
/** 投诉建议 the county centre answers, one per call. */
const toReplyFeedback: string[] = [];
const appFeedback = () => ({ kind: 'suggestion', text: '希望能按时间筛选我的上报', idempotencyKey: `round-trips-feedback-${(key += 1)}` });
const informantApplication = () => ({ gridCode: '410399001001-03', name: '周小伟', phone: '13912345678', motive: '每天送快递经过' });
const toClaim: string[] = [];
const toWithdraw: string[] = [];
const tomorrow = () => new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
const task = () => ({
  idempotencyKey: `round-trips-task-${(key += 1)}-${Date.now()}`,
  gridCode: '410399001001-03',
  taskKind: 'sanitation',
  address: '幸福路小区',
  date: tomorrow(),
  start: '09:00',
  end: '10:00',
});
const application = (gridCode: string) => ({
  gridCode,
  name: '孙志刚',
  phone: '13912345678',
  partyMember: true,
  skills: ['代办'],
  posts: [],
});

/**
 * 张秀兰's orders (grid -03) the volunteer 王建国 claimed, for the second half of an order's life: to complete
 * (with his completion photo), to confirm, to dispute, disputed ones to settle, confirmed ones to rate, and
 * completed ones to read (a photo: its URL).
 */
const RESIDENT = 'o-demo-resident-01';
const VOLUNTEER = 'o-demo-volunteer-01';
const WORKER = 'o-demo-grid-worker-03';
const toComplete: object[] = [];
const toConfirm: string[] = [];
const toDispute: string[] = [];
const toSettle: string[] = [];
const toRate: string[] = [];
const toDetail: string[] = [];

type Offers = { services: { serviceCode: string; slots: object[]; upcoming: { key: string; left: number }[] }[] };
type Slot = { serviceCode: string; slotKey: string };

/** A slot of grid -03 with at least `places` places left, as 张秀兰 reads them. */
async function openSlot(places = 1): Promise<Slot> {
  const { services } = (await call(load('gridServices'), {}, RESIDENT)).answer.data as Offers;
  const offers = services.flatMap((service) =>
    service.upcoming.filter((slot) => slot.left >= places).map((slot) => ({ serviceCode: service.serviceCode, slotKey: slot.key })),
  );
  if (!offers[0]) throw new Error('no place left to book');
  return offers[0];
}

const booking = (slot: Slot) => ({ idempotencyKey: `round-trips-order-${(key += 1)}`, ...slot, address: '幸福路 3 号' });

/** 张秀兰's orders, booked: to cancel, for the grid's 网格员 to put in the hall, or to serve herself. */
const toCancelOrder: string[] = [];
/** 爱心超市: 张秀兰's redemptions (of 洗衣皂两块, 5 of her seeded 120 points each) for 赵丽 to hand over and for her to cancel. */
const toHandOver: { redemptionId: string; code: string }[] = [];
const toCancelRedemption: string[] = [];
const toHall: string[] = [];
const toServe: string[] = [];
/** The slot the measured bookings take (2 places left at least). */
let bookable: Slot = { serviceCode: '', slotKey: '' };
/** Grid -04's catalogue as its community's centre reads it, saved unchanged. */
let catalogue04: { gridCode: string; services: object[] } = { gridCode: '410399001001-04', services: [] };

async function bookedOrder(): Promise<string> {
  const booked = await call(load('bookService'), booking(await openSlot()), RESIDENT);
  return (booked.answer.data as { order: { id: string } }).order.id;
}

async function claimedOrder(): Promise<string> {
  const orderId = await bookedOrder();
  await call(load('dispatchOrder'), { orderId, mode: 'hall' }, WORKER);
  await call(load('claimOrder'), { orderId }, VOLUNTEER);
  return orderId;
}

/** completeOrder's event: a photo the volunteer uploaded into his completion slot. */
async function completionOf(orderId: string, envId: string): Promise<object> {
  const uploadKey = `round-trips-done-${(key += 1)}`;
  const slot = (await call(load('uploadSlot'), { purpose: 'completion', key: uploadKey }, VOLUNTEER)).answer.data as { dir: string };
  const { fileID } = await tcb.init({ env: envId }).uploadFile({ cloudPath: `${slot.dir}1.png`, fileContent: Buffer.from('photo') });
  return { orderId, note: '已上门服务', photos: [fileID], uploadKey };
}

async function completedOrder(envId: string): Promise<string> {
  const orderId = await claimedOrder();
  await call(load('completeOrder'), await completionOf(orderId, envId), VOLUNTEER);
  return orderId;
}

/**
 * 一键求助 from grid -03 (幸福路 3 号): raised by residents who then hold one open call each; calls to take back
 * (by their requesters, -08 then -09), and to acknowledge then close (赵丽).
 */
const helpPress = () => ({ idempotencyKey: `round-trips-help-${(key += 1)}`, location: [111.587499, 33.796931], address: '幸福路 3 号' });
const toCancel: string[] = [];
const toAcknowledge: string[] = [];
const toClose: string[] = [];
let raisedHelp = '';

/** The next case of a list, passed on to the scenario after. */
function moved(from: string[], to: string[]): string | undefined {
  const id = from.shift();
  if (id !== undefined) to.push(id);
  return id;
}

const SCENARIOS: Scenario[] = [
  { name: 'me (known person, joined grid)', fn: 'me', openid: 'o-demo-resident-01', event: () => ({}) },
  { name: 'me (first call: creates a resident)', fn: 'me', openid: `o-bench-new-${Date.now()}`, event: () => ({}) },
  { name: 'joinGrid (by code)', fn: 'joinGrid', openid: 'o-demo-resident-02', event: () => ({ gridCode: '410399001001-04' }) },
  { name: 'submitReport', fn: 'submitReport', openid: 'o-demo-informant-01', event: () => report([111.587499, 33.796931]) },
  {
    name: 'submitReport (a retry: replayed)',
    fn: 'submitReport',
    openid: 'o-demo-informant-01',
    event: () => ({ ...report([111.587499, 33.796931]), idempotencyKey: 'round-trips-retried' }),
  },
  { name: 'myReports (first page)', fn: 'myReports', openid: 'o-demo-informant-01', event: () => ({}) },
  { name: 'reportDetail', fn: 'reportDetail', openid: 'o-demo-grid-worker-03', event: () => ({ reportId: lastSubmitted }) },
  { name: 'reportDetail (a photo: its URL)', fn: 'reportDetail', openid: 'o-demo-grid-worker-03', event: () => ({ reportId: withPhoto }) },
  { name: 'inbox (first page)', fn: 'inbox', openid: 'o-demo-grid-worker-03', event: () => ({}) },
  {
    name: 'acceptReport (informant: money, daily counter)',
    fn: 'acceptReport',
    openid: 'o-demo-grid-worker-03',
    event: () => ({ reportId: pending.shift() }),
  },
  {
    name: 'duplicateCandidates (geoNear)',
    fn: 'duplicateCandidates',
    openid: 'o-demo-grid-worker-03',
    event: () => ({ reportId: lastSubmitted }),
  },
  {
    name: 'rejectReport (invalid)',
    fn: 'rejectReport',
    openid: 'o-demo-grid-worker-03',
    event: () => ({ reportId: pending.shift(), reason: 'invalid' }),
  },
  {
    name: 'escalateReport (grid → community)',
    fn: 'escalateReport',
    openid: 'o-demo-grid-worker-03',
    event: () => ({ reportId: moved(toEscalate, toSupervise), reason: '需社区协调' }),
  },
  {
    name: 'superviseReport (county)',
    fn: 'superviseReport',
    openid: 'o-demo-centre-01',
    event: () => ({ reportId: moved(toSupervise, toAnswer), note: '请三日内办结' }),
  },
  {
    name: 'answerSupervision (community)',
    fn: 'answerSupervision',
    openid: 'o-demo-centre-06',
    event: () => ({ reportId: moved(toAnswer, toHandBack), note: '已安排，明天办结' }),
  },
  {
    name: 'handBackReport (community → grid)',
    fn: 'handBackReport',
    openid: 'o-demo-centre-06',
    event: () => ({ reportId: toHandBack.shift(), gridCode: '410399001001-03', reason: '属网格职责' }),
  },
  {
    name: 'performance (county, by street, this year)',
    fn: 'performance',
    openid: 'o-demo-centre-01',
    event: () => ({ level: 'county', code: '410399', from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1), by: 'units' }),
  },
  {
    name: 'performance (community, by worker)',
    fn: 'performance',
    openid: 'o-demo-centre-06',
    event: () => ({ level: 'community', code: '410399001001', from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1), by: 'workers' }),
  },
  {
    name: 'performanceTrend (county, 12 months)',
    fn: 'performanceTrend',
    openid: 'o-demo-centre-01',
    event: () => ({ level: 'county', code: '410399', months: 12 }),
  },
  {
    name: 'performanceCsv (county, by street)',
    fn: 'performanceCsv',
    openid: 'o-demo-centre-01',
    event: () => ({ level: 'county', code: '410399', from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1), by: 'units' }),
  },
  // 以奖代补结算 of the month settled before the measured calls (settledMonth): a county centre's and a street's.
  {
    name: 'settlementMonths (county, the newest month in detail)',
    fn: 'settlementMonths',
    openid: 'o-demo-centre-01',
    event: () => ({}),
  },
  {
    name: 'settlementMonths (street)',
    fn: 'settlementMonths',
    openid: 'o-demo-centre-03',
    event: () => ({}),
  },
  {
    name: 'settlementCsv (county)',
    fn: 'settlementCsv',
    openid: 'o-demo-centre-01',
    event: () => ({ monthKey: settledMonth }),
  },
  {
    name: 'adjustPoints (money, by the county centre)',
    fn: 'adjustPoints',
    openid: 'o-demo-centre-01',
    event: () => ({
      personId: 'u-informant-01',
      unit: 'fen',
      amount: 100,
      reason: '补发漏记的一条',
      key: `round-trips-adjust-${(key += 1)}`,
    }),
  },
  {
    name: 'registerVolunteer (first, then again: an update)',
    fn: 'registerVolunteer',
    openid: 'o-demo-resident-03',
    event: () => application('410399001001-03'),
  },
  {
    name: 'reviewVolunteer (approve: one transaction)',
    fn: 'reviewVolunteer',
    openid: 'o-demo-grid-worker-03',
    event: () => ({ gridCode: '410399001001-03', personId: toReview.shift(), decision: 'approve' }),
  },
  {
    name: 'volunteerApplications (first page)',
    fn: 'volunteerApplications',
    openid: 'o-demo-grid-worker-03',
    event: () => ({ gridCode: '410399001001-03' }),
  },
  { name: 'myVolunteering', fn: 'myVolunteering', openid: 'o-demo-volunteer-01', event: () => ({}) },
  {
    name: 'applyInformant (first, then again: an update)',
    fn: 'applyInformant',
    openid: 'o-demo-resident-12',
    event: informantApplication,
  },
  {
    name: 'reviewInformant (approve: one transaction with the person and the message)',
    fn: 'reviewInformant',
    openid: 'o-demo-grid-worker-03',
    event: () => ({ gridCode: '410399001001-03', personId: toReviewInformant.shift(), decision: 'approve' }),
  },
  {
    name: 'informantApplications (first page)',
    fn: 'informantApplications',
    openid: 'o-demo-grid-worker-03',
    event: () => ({ gridCode: '410399001001-03' }),
  },
  { name: 'myInformantApplications', fn: 'myInformantApplications', openid: 'o-demo-informant-01', event: () => ({}) },
  // 投诉建议 about the app.
  { name: 'submitAppFeedback', fn: 'submitAppFeedback', openid: 'o-demo-resident-11', event: appFeedback },
  { name: 'myAppFeedback (first page)', fn: 'myAppFeedback', openid: 'o-demo-resident-11', event: () => ({}) },
  { name: 'appFeedbackList (first page)', fn: 'appFeedbackList', openid: 'o-demo-centre-01', event: () => ({}) },
  {
    name: 'replyAppFeedback (one transaction with the message)',
    fn: 'replyAppFeedback',
    openid: 'o-demo-centre-01',
    event: () => ({ feedbackId: toReplyFeedback.shift(), reply: '已转技术人员处理，谢谢' }),
  },
  { name: 'postTask', fn: 'postTask', openid: 'o-demo-grid-worker-03', event: task },
  { name: 'taskHall (first page)', fn: 'taskHall', openid: 'o-demo-volunteer-01', event: () => ({}) },
  { name: 'gridServices (the joined grid, places left)', fn: 'gridServices', openid: RESIDENT, event: () => ({}) },
  {
    name: 'saveGridServices (community centre, grid -04)',
    fn: 'saveGridServices',
    openid: 'o-demo-centre-06',
    event: () => catalogue04,
  },
  { name: 'bookService (a place taken)', fn: 'bookService', openid: RESIDENT, event: () => booking(bookable) },
  { name: 'myOrders (first page)', fn: 'myOrders', openid: RESIDENT, event: () => ({}) },
  {
    name: 'cancelOrder (booked: the place given back)',
    fn: 'cancelOrder',
    openid: RESIDENT,
    event: () => ({ orderId: toCancelOrder.shift(), note: '不需要了' }),
  },
  {
    name: 'gridOrders (booked, first page)',
    fn: 'gridOrders',
    openid: WORKER,
    event: () => ({ gridCode: '410399001001-03', status: 'booked' }),
  },
  {
    name: 'gridOrders (all: booked and disputed first, then the rest)',
    fn: 'gridOrders',
    openid: WORKER,
    event: () => ({ gridCode: '410399001001-03' }),
  },
  { name: 'dispatchOrder (to the hall)', fn: 'dispatchOrder', openid: WORKER, event: () => ({ orderId: toHall.shift(), mode: 'hall' }) },
  {
    name: 'dispatchOrder (served herself: the requester told)',
    fn: 'dispatchOrder',
    openid: WORKER,
    event: () => ({ orderId: toServe.shift(), mode: 'self' }),
  },
  { name: 'claimOrder', fn: 'claimOrder', openid: 'o-demo-volunteer-01', event: () => ({ orderId: moved(toClaim, toWithdraw) }) },
  { name: 'withdrawOrder', fn: 'withdrawOrder', openid: 'o-demo-volunteer-01', event: () => ({ orderId: toWithdraw.shift() }) },
  { name: 'myTasks (first page)', fn: 'myTasks', openid: VOLUNTEER, event: () => ({}) },
  { name: 'completeOrder (a photo: checked in storage)', fn: 'completeOrder', openid: VOLUNTEER, event: () => toComplete.shift() },
  {
    name: 'confirmOrder (credits the volunteer: one transaction)',
    fn: 'confirmOrder',
    openid: RESIDENT,
    event: () => ({ orderId: toConfirm.shift() }),
  },
  { name: 'disputeOrder', fn: 'disputeOrder', openid: RESIDENT, event: () => ({ orderId: toDispute.shift(), note: '没有来' }) },
  { name: 'myServiceRecord (this year, with credited tasks)', fn: 'myServiceRecord', openid: VOLUNTEER, event: () => ({}) },
  {
    name: 'settleOrder (not done: back to the hall)',
    fn: 'settleOrder',
    openid: WORKER,
    event: () => ({ orderId: toSettle.shift(), decision: 'notDone', note: '核实未上门' }),
  },
  { name: 'rateOrder', fn: 'rateOrder', openid: RESIDENT, event: () => ({ orderId: toRate.shift(), satisfaction: 5 }) },
  { name: 'orderDetail (a photo: its URL)', fn: 'orderDetail', openid: RESIDENT, event: () => ({ orderId: toDetail.shift() }) },
  {
    name: 'raiseHelp (routed by location, 4 answerers told)',
    fn: 'raiseHelp',
    openid: 'o-demo-resident-06',
    warmOpenid: 'o-demo-resident-07',
    event: helpPress,
  },
  { name: 'raiseHelp (pressed again: the open call)', fn: 'raiseHelp', openid: 'o-demo-resident-06', event: helpPress },
  { name: 'myHelp', fn: 'myHelp', openid: 'o-demo-resident-06', event: () => ({}) },
  {
    name: 'saveHelpProfile',
    fn: 'saveHelpProfile',
    openid: RESIDENT,
    event: () => ({ tags: ['高龄', '独居'], note: '药在床头柜', phone: '13900001111' }),
  },
  { name: 'helpCallDetail', fn: 'helpCallDetail', openid: WORKER, event: () => ({ callId: raisedHelp }) },
  { name: 'openHelpCalls', fn: 'openHelpCalls', openid: WORKER, event: () => ({}) },
  {
    name: 'acknowledgeHelp (the requester told)',
    fn: 'acknowledgeHelp',
    openid: WORKER,
    event: () => ({ callId: moved(toAcknowledge, toClose), note: '马上到' }),
  },
  {
    name: 'closeHelp (the requester told and freed)',
    fn: 'closeHelp',
    openid: WORKER,
    event: () => ({ callId: toClose.shift(), note: '已送医' }),
  },
  {
    name: 'cancelHelp (4 answerers told)',
    fn: 'cancelHelp',
    openid: 'o-demo-resident-08',
    warmOpenid: 'o-demo-resident-09',
    event: () => ({ callId: toCancel.shift(), note: '我已安全' }),
  },
  { name: 'myPoints (first page)', fn: 'myPoints', openid: 'o-demo-informant-01', event: () => ({}) },
  // 爱心超市 of 城关社区 (data/demo-county/market.json).
  { name: 'marketItems (first page, with the balance)', fn: 'marketItems', openid: RESIDENT, event: () => ({}) },
  {
    name: 'saveMarketItem (restock)',
    fn: 'saveMarketItem',
    openid: 'o-demo-centre-06',
    event: () => ({
      itemId: 'mi-demo-oil',
      name: '花生油 1 升',
      description: '到社区服务站领取。',
      pricePoints: 25,
      active: true,
      addStock: 1,
    }),
  },
  {
    name: 'redeemItem (stock and points in one transaction)',
    fn: 'redeemItem',
    openid: RESIDENT,
    event: () => ({ itemId: 'mi-demo-soap', idempotencyKey: `round-trips-redeem-${(key += 1)}` }),
  },
  { name: 'myRedemptions (first page)', fn: 'myRedemptions', openid: RESIDENT, event: () => ({}) },
  { name: 'marketRedemptions (first page)', fn: 'marketRedemptions', openid: WORKER, event: () => ({}) },
  { name: 'handOverRedemption', fn: 'handOverRedemption', openid: WORKER, event: () => toHandOver.shift() },
  {
    name: 'cancelRedemption (stock and points given back)',
    fn: 'cancelRedemption',
    openid: RESIDENT,
    event: () => ({ redemptionId: toCancelRedemption.shift() }),
  },
  { name: 'informantHome', fn: 'informantHome', openid: 'o-demo-informant-01', event: () => ({}) },
  { name: 'myStatements (first page)', fn: 'myStatements', openid: 'o-demo-informant-01', event: () => ({}) },
  {
    name: 'myStatement (this month: provisional)',
    fn: 'myStatement',
    openid: 'o-demo-informant-01',
    event: () => ({ monthKey: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7) }),
  },
  { name: 'catalog', fn: 'catalog', openid: 'o-demo-informant-01', event: () => ({}) },
];

/** The month settled before the measured calls: this one, with 李明's accepted report, closed by two runs of settleMonth. */
let settledMonth = '';
async function settleThisMonth(): Promise<void> {
  const { answer } = await call(load('submitReport'), report([111.587499, 33.796931]), 'o-demo-informant-01');
  await call(load('acceptReport'), { reportId: (answer.data as { report: { id: string } }).report.id }, 'o-demo-grid-worker-03');
  settledMonth = shanghaiMonthKey(Date.now());
  const first = Date.parse(`${nextMonthKey(settledMonth)}-01T00:00:00+08:00`);
  for (const at of [first, first + 10 * 60_000]) {
    await call(load('settleMonth'), { Type: 'timer', TriggerName: 'monthlyOnThe1st', Time: new Date(at).toISOString() }, '');
  }
}

async function main(): Promise<void> {
  await buildFunctions();
  await withBenchCloud({ poolSize: 1, databaseFile: join(__dirname, '../database/collections.json') }, async ({ cloud, sdk }) => {
    await seedDemoCounty({ envId: cloud.envId });
    // Hundreds of submits by one demo person measure routing and writes, not the rate limit's refusals.
    await setReportRateLimits(sdk().database() as never);
    const submit = load('submitReport');
    for (let i = 0; i < 4; i += 1) {
      const { answer } = await call(submit, report([111.587499, 33.796931]), 'o-demo-informant-01');
      pending.push((answer.data as { report: { id: string } }).report.id);
    }
    for (let i = 0; i < 2; i += 1) {
      const { answer } = await call(submit, report([111.587499, 33.796931]), 'o-demo-resident-01');
      const reportId = (answer.data as { report: { id: string } }).report.id;
      await call(load('acceptReport'), { reportId }, 'o-demo-grid-worker-03');
      toEscalate.push(reportId);
    }
    // The retry scenario's draft, submitted once already: both its measured calls are replays.
    await call(submit, { ...report([111.587499, 33.796931]), idempotencyKey: 'round-trips-retried' }, 'o-demo-informant-01');
    // A photo goes into the draft's upload slot, the only place submitReport takes photos from.
    const photoDraft = report([111.587499, 33.796931]);
    const slot = (await call(load('uploadSlot'), { purpose: 'report', key: photoDraft.idempotencyKey }, 'o-demo-informant-01')).answer;
    const cloudPath = `${(slot.data as { dir: string }).dir}1.png`;
    const { fileID } = await tcb.init({ env: cloud.envId }).uploadFile({ cloudPath, fileContent: Buffer.from('photo') });
    const { answer } = await call(submit, { ...photoDraft, photos: [fileID] }, 'o-demo-informant-01');
    withPhoto = (answer.data as { report: { id: string } }).report.id;
    for (const openid of ['o-demo-resident-04', 'o-demo-resident-05']) {
      const applied = await call(load('registerVolunteer'), application('410399001001-03'), openid);
      toReview.push((applied.answer.data as { application: { personId: string } }).application.personId);
    }
    for (const openid of ['o-bench-informant-1', 'o-bench-informant-2']) {
      const applied = await call(load('applyInformant'), informantApplication(), openid);
      toReviewInformant.push((applied.answer.data as { application: { personId: string } }).application.personId);
    }
    for (const openid of ['o-bench-feedback-1', 'o-bench-feedback-2']) {
      const written = await call(load('submitAppFeedback'), appFeedback(), openid);
      toReplyFeedback.push((written.answer.data as { feedback: { id: string } }).feedback.id);
    }
    for (let i = 0; i < 2; i += 1) {
      const posted = await call(load('postTask'), task(), 'o-demo-grid-worker-03');
      toClaim.push((posted.answer.data as { order: { id: string } }).order.id);
    }
    for (let i = 0; i < 2; i += 1) {
      toComplete.push(await completionOf(await claimedOrder(), cloud.envId));
      toConfirm.push(await completedOrder(cloud.envId));
      toDispute.push(await completedOrder(cloud.envId));
      const disputed = await completedOrder(cloud.envId);
      await call(load('disputeOrder'), { orderId: disputed, note: '没有来' }, RESIDENT);
      toSettle.push(disputed);
      const confirmed = await completedOrder(cloud.envId);
      await call(load('confirmOrder'), { orderId: confirmed }, RESIDENT);
      toRate.push(confirmed);
      toDetail.push(await completedOrder(cloud.envId));
    }
    for (let i = 0; i < 2; i += 1) {
      toCancelOrder.push(await bookedOrder());
      toHall.push(await bookedOrder());
      toServe.push(await bookedOrder());
    }
    bookable = await openSlot(2);
    const offered = (await call(load('gridServices'), { gridCode: catalogue04.gridCode }, 'o-demo-centre-06')).answer.data as Offers;
    catalogue04 = { ...catalogue04, services: offered.services.map(({ serviceCode, slots }) => ({ serviceCode, slots })) };
    const raise = async (openid: string) =>
      ((await call(load('raiseHelp'), helpPress(), openid)).answer.data as { call: { id: string } }).call.id;
    for (const openid of ['o-demo-resident-08', 'o-demo-resident-09']) toCancel.push(await raise(openid));
    for (const openid of ['o-demo-resident-10', 'o-demo-resident-11']) toAcknowledge.push(await raise(openid));
    for (let i = 0; i < 4; i += 1) {
      const redeemed = await call(load('redeemItem'), { itemId: 'mi-demo-soap', idempotencyKey: `round-trips-setup-${i}` }, RESIDENT);
      const { redemption } = redeemed.answer.data as { redemption: { id: string; code: string } };
      if (i < 2) toHandOver.push({ redemptionId: redemption.id, code: redemption.code });
      else toCancelRedemption.push(redemption.id);
    }
    await settleThisMonth();
    countRequests(cloud.url);
    const figures: Figures = {};
    for (const scenario of SCENARIOS) {
      const main = load(scenario.fn);
      for (const phase of ['cold', 'warm'] as const) {
        const measured = await call(main, scenario.event(), scenario.openid);
        const submitted = (measured.answer.data as { report?: { id?: string } } | undefined)?.report?.id;
        if (scenario.fn === 'submitReport' && submitted) lastSubmitted = submitted;
        if (scenario.fn === 'raiseHelp' && !raisedHelp) raisedHelp = (measured.answer.data as { call: { id: string } }).call.id;
        figures[`${scenario.name}, ${phase}`] = {
          value: measured.waves,
          unit: 'waves',
          better: 'lower',
          note: `${measured.requests} requests: ${measured.actions.map((a) => a.replace('database.', '')).join(' ')}`,
        };
        if (scenario.name.startsWith('me (first')) scenario.openid = `o-bench-new-${Date.now()}-2`;
        if (scenario.warmOpenid) scenario.openid = scenario.warmOpenid;
      }
    }
    compareWithBaseline('function-round-trips', figures);
  });
}

runBench(main);
