/**
 * 我的服务记录 in the browser (issue 12, item 5): 王建国 serves two of 张秀兰's bookings, each put in the task
 * hall by 赵丽, claimed, completed and confirmed (through the functions), and has one service credited last
 * year. From his home's 我的服务 he opens 我的服务记录: this year's card (his name, grid -03, 2 次, the hours
 * and points), the months and the list with the requester's grid and never her name or address; ‹ last year
 * shows last year's one service. Shots at 390×844, at 320×568 with 200 % text:
 * artifacts/service-record-NN-<step>.png.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { serviceCreditEntry, shanghaiYear } from '@pingan/shared';
import { sdkEnvFor } from '../../localcloud/src/config';
import { artifactsDir, launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const WORKER = 'o-demo-grid-worker-03'; // 赵丽
const SMLF = { minutes: 40, points: 5 }; // 上门理发

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^service-record-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'service-record');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

type Answer<T> = { ok: true; data: T } | { ok: false; code: string };

async function act<T = Record<string, unknown>>(name: string, event: Record<string, unknown>, openid: string): Promise<T> {
  const answer = (await stack.cloud.functions.invoke(name, event, { openid })) as Answer<T>;
  if (!answer.ok) throw new Error(`${name} answered ${answer.code}`);
  return answer.data;
}

/** The server SDK pointed at the local cloud, as a function would have it. */
function serverSdk(): typeof import('wx-server-sdk') {
  Object.assign(process.env, sdkEnvFor(stack.cloud.url, stack.cloud.envId));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk');
  sdk.init({ env: stack.cloud.envId });
  return sdk;
}

/** 张秀兰's booking of 上门理发, put in the hall, claimed, completed and confirmed: 王建国 is credited. */
async function servedAndConfirmed(key: string): Promise<string> {
  const zhang = demoOpenid('张秀兰');
  const wang = demoOpenid('王建国');
  type Offers = { services: { serviceCode: string; upcoming: { key: string; left: number }[] }[] };
  const { services } = await act<Offers>('gridServices', {}, zhang);
  const slot = services.find((service) => service.serviceCode === 'SMLF')?.upcoming.find((occurrence) => occurrence.left > 0);
  if (!slot) throw new Error('no SMLF slot ahead');
  const booking = { idempotencyKey: key, serviceCode: 'SMLF', slotKey: slot.key, address: '幸福路 3 号 2 单元 401' };
  const { order } = await act<{ order: { id: string } }>('bookService', booking, zhang);
  await act('dispatchOrder', { orderId: order.id, mode: 'hall' }, WORKER);
  await act('claimOrder', { orderId: order.id }, wang);
  const { dir } = await act<{ dir: string }>('uploadSlot', { purpose: 'completion', key: `${key}-done` }, wang);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const photo = (await serverSdk().uploadFile({ cloudPath: `${dir}done.png`, fileContent: png })).fileID;
  await act('completeOrder', { orderId: order.id, note: '已上门理发', photos: [photo], uploadKey: `${key}-done` }, wang);
  await act('confirmOrder', { orderId: order.id }, zhang);
  return order.id;
}

/** A service of last June: a copy of a confirmed order, credited with the entry 确认完成 writes (the clock cannot go back). */
async function creditedLastYear(template: string, year: number): Promise<void> {
  const db = serverSdk().database();
  const { data: order } = (await db.collection('serviceOrders').doc(template).get()) as unknown as {
    data: Record<string, unknown> & { slot: object };
  };
  const at = Date.parse(`${year}-06-12T10:00:00+08:00`);
  const { _id, ...fields } = order;
  const id = `opast${at}`;
  await db.collection('serviceOrders').add({
    data: {
      ...fields,
      _id: id,
      idempotencyKey: `past-${at}`,
      title: '助餐送餐',
      slot: { ...order.slot, startsAt: at - 3_600_000, endsAt: at - 1_800_000 },
    },
  });
  const { id: entryId, ...entry } = serviceCreditEntry(id, { personId: 'u-volunteer-01', minutes: 60, points: 8 }, at);
  await db.collection('pointsLedger').add({ data: { _id: entryId, ...entry } });
}

async function fitsWidth(selector: string): Promise<void> {
  const widths = await browser.page.evaluate((inside) => {
    const boxes = [...document.querySelectorAll<HTMLElement>(`${inside} *`)].filter((el) => el.offsetParent !== null);
    return { root: document.documentElement.clientWidth, widest: Math.max(...boxes.map((el) => el.getBoundingClientRect().right)) };
  }, selector);
  expect(widths.widest).toBeLessThanOrEqual(widths.root + 0.5);
}

it('王建国 opens 我的服务记录 from his home: this year’s record to show, and last year’s', async () => {
  const thisYear = shanghaiYear(Date.now());
  const first = await servedAndConfirmed('e2e-service-record-1');
  await servedAndConfirmed('e2e-service-record-2');
  await creditedLastYear(first, thisYear - 1);

  await browser.page.setViewportSize({ width: 390, height: 844 });
  await app.signInAs(demoOpenid('王建国'));
  await app.find('#open-service-record').waitFor({ timeout: 30_000 });
  await app.tap('#open-service-record', 'volunteer/pages/record/index');
  await app.find('#record-certificate').waitFor({ timeout: 30_000 });
  expect(await app.find('#record-name').textContent()).toBe('王建国');
  expect(await app.find('#record-grids').textContent()).toMatch(/第3网格/);
  expect(await app.find('#record-tasks').textContent()).toBe('2 次');
  expect(await app.find('#record-hours').textContent()).toBe('1 小时 20 分钟');
  expect(await app.find('#record-points').textContent()).toBe(`${2 * SMLF.points} 分`);
  const page = (await app.find('#service-record').textContent()) ?? '';
  expect(page).toMatch(/上门理发[\s\S]*第3网格/);
  for (const personal of ['张秀兰', '幸福路', '已上门理发']) expect(page).not.toContain(personal);
  await app.shot('this-year');

  await browser.page.setViewportSize({ width: 320, height: 568 });
  const rootPx = await browser.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  await fitsWidth('#service-record');
  await app.shot('this-year-320-200-percent-text');
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx}px !important; }` });
  await browser.page.setViewportSize({ width: 390, height: 844 });

  await app.tap('#record-year-earlier');
  await app
    .find(`#record-certificate`)
    .getByText(`${thisYear - 1}年度志愿服务证明`)
    .waitFor({ timeout: 30_000 });
  expect(await app.find('#record-tasks').textContent()).toBe('1 次');
  expect(await app.find('#record-hours').textContent()).toBe('1 小时');
  expect(await app.find('#record-months').textContent()).toMatch(/6月/);
  await app.shot('last-year');
  expect(browser.pageErrors).toEqual([]);
}, 300_000);
