/**
 * 有异议 and 裁定 in the browser (issue 11): 张秀兰's booking is put in the task hall by 赵丽, claimed and
 * completed by the volunteer 王建国 (through the functions); 张秀兰 disputes it on her order page; 赵丽 finds
 * 居民对服务有异议，请裁定 in 消息 and a tap opens the order page with 裁定, as does 去裁定 in her 居民点单, where the
 * disputed order is listed before the rest; she settles it 已完成 with a note, asked once more. 王建国 finds
 * it under 我的任务 (myTasks) as 已完成 with its hours and points. Also the layouts of issue 11's leftovers: a
 * booking slot's time at 320 px and 200 % text, and the home's tiles at normal size. Shots at 375×812, 200 %
 * text and 320 px: artifacts/order-settle-NN-<step>.png.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sdkEnvFor } from '../../localcloud/src/config';
import { artifactsDir, launchMobileBrowser, waitForTaroPage, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const GRID = '410399001001-03';
const WORKER = 'o-demo-grid-worker-03'; // 赵丽

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^order-settle-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'order-settle');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

type Answer<T> = { ok: true; data: T } | { ok: false; code: string };

/** A function call as the person with this openid makes it, failing the test on an error answer. */
async function act<T = Record<string, unknown>>(name: string, event: Record<string, unknown>, openid: string): Promise<T> {
  const answer = (await stack.cloud.functions.invoke(name, event, { openid })) as Answer<T>;
  if (!answer.ok) throw new Error(`${name} answered ${answer.code}`);
  return answer.data;
}

/** A photo the volunteer uploads into his completion slot, through the server SDK as the mini-program would. */
async function completionPhoto(openid: string, uploadKey: string): Promise<string> {
  const { dir } = await act<{ dir: string }>('uploadSlot', { purpose: 'completion', key: uploadKey }, openid);
  Object.assign(process.env, sdkEnvFor(stack.cloud.url, stack.cloud.envId));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk');
  sdk.init({ env: stack.cloud.envId });
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  return (await sdk.uploadFile({ cloudPath: `${dir}done.png`, fileContent: png })).fileID;
}

/** Every visible element inside `selector` fits the phone's width. */
async function fitsWidth(selector: string): Promise<void> {
  const widths = await browser.page.evaluate((inside) => {
    const boxes = [...document.querySelectorAll<HTMLElement>(`${inside} *`)].filter((el) => el.offsetParent !== null);
    return { root: document.documentElement.clientWidth, widest: Math.max(...boxes.map((el) => el.getBoundingClientRect().right)) };
  }, selector);
  expect(widths.widest).toBeLessThanOrEqual(widths.root + 0.5);
}

/** 200 % text (关怀模式): Taro's H5 sizes are rem, so doubling the root doubles every text. */
async function withDoubleText(run: () => Promise<void>): Promise<void> {
  const rootPx = await browser.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  try {
    await run();
  } finally {
    await browser.page.addStyleTag({ content: `html { font-size: ${rootPx}px !important; }` });
  }
}

/** How many lines the first visible element of `selector` takes: its height over its line height. */
async function linesOf(selector: string): Promise<number> {
  return app.find(selector).evaluate((el) => {
    const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.2;
    return Math.round(el.getBoundingClientRect().height / lineHeight);
  });
}

it('张秀兰 disputes a completed order, 赵丽 opens it from 消息 and 居民点单 and settles it 已完成; 王建国 finds it in 我的任务', async () => {
  const zhang = demoOpenid('张秀兰');
  const wang = demoOpenid('王建国');
  type Offers = { services: { serviceCode: string; upcoming: { key: string; left: number }[] }[] };
  const { services } = await act<Offers>('gridServices', {}, zhang);
  const slot = services.find((service) => service.serviceCode === 'SMLF')?.upcoming.find((occurrence) => occurrence.left > 0);
  if (!slot) throw new Error('no SMLF slot ahead');
  const booking = { idempotencyKey: 'e2e-order-settle-1', serviceCode: 'SMLF', slotKey: slot.key, address: '幸福路 3 号 2 单元 401' };
  const { order } = await act<{ order: { id: string } }>('bookService', booking, zhang);
  const id = order.id;
  await act('dispatchOrder', { orderId: id, mode: 'hall' }, WORKER);
  await act('claimOrder', { orderId: id }, wang);
  const photo = await completionPhoto(wang, 'e2e-order-settle-done');
  await act('completeOrder', { orderId: id, note: '已上门理发', photos: [photo], uploadKey: 'e2e-order-settle-done' }, wang);

  // 王建国's 我的任务, from myTasks: the completed task waits on her 确认.
  await app.signInAs(wang);
  await app.find(`#my-tasks #order-${id}`).waitFor({ timeout: 30_000 });
  expect(await app.find(`#my-tasks #order-${id}`).textContent()).toMatch(/上门理发[\s\S]*已提交完成，等居民确认/);

  // 张秀兰 disputes it on her order page.
  await app.signInAs(zhang);
  await app.open(`orders/pages/order/index?id=${id}`);
  await app.tap('#start-dispute');
  await app.find('#dispute-note textarea').fill('头发只剪了一半，人就走了');
  await app.shot('resident-dispute');
  await app.tap('#confirm-dispute');
  await browser.page.waitForFunction(() =>
    [...document.querySelectorAll('#order-status')].some((el) => el.getAttribute('data-status') === 'disputed'),
  );
  await app.shot('resident-disputed');

  // 赵丽: the message asks her to settle; a tap opens the order page with 裁定.
  await app.signInAs(WORKER);
  await app.open('pages/messages/index');
  const message = app.find(`.message-card[data-message-id^="${id}:"]`);
  await message.waitFor({ timeout: 30_000 });
  expect(await message.textContent()).toMatch(/居民对服务有异议，请裁定[\s\S]*头发只剪了一半/);
  await app.shot('worker-messages');
  await message.click();
  await waitForTaroPage(browser.page, 'orders/pages/order/index');
  expect(browser.page.url()).toContain(`id=${id}`);
  await app.find('#settle-order').waitFor({ timeout: 30_000 });
  expect(await app.find('#order').textContent()).toMatch(/有异议[\s\S]*王建国[\s\S]*头发只剪了一半/);
  expect(await app.find('#order-to-list').count()).toBe(0);
  await app.shot('worker-order-from-message');

  // …and from 居民点单, where what waits on her comes first.
  await app.open(`staff/pages/grid-orders/index?grid=${GRID}&name=${encodeURIComponent('城关社区第3网格')}`);
  await app.find(`#order-${id}`).waitFor({ timeout: 30_000 });
  const statuses = await browser.page
    .locator('#grid-orders .orders__card[data-status]')
    .filter({ visible: true })
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-status')));
  const firstOther = statuses.findIndex((status) => status !== 'booked' && status !== 'disputed');
  expect(statuses.slice(firstOther === -1 ? statuses.length : firstOther)).not.toContain('disputed');
  expect(statuses).toContain('disputed');
  await app.shot('worker-grid-orders');
  await withDoubleText(async () => {
    await fitsWidth('#grid-orders');
    await app.shot('worker-grid-orders-200-percent-text');
  });
  await app.tap(`#open-${id}`, 'orders/pages/order/index');
  await app.find('#settle-note textarea').fill('已电话回访，老人说后来补剪完了');
  await app.shot('worker-settle-note');
  await withDoubleText(async () => {
    await fitsWidth('#order');
    await app.shot('worker-settle-200-percent-text');
  });
  await browser.page.setViewportSize({ width: 320, height: 568 });
  await withDoubleText(async () => {
    await fitsWidth('#order');
    await app.shot('worker-settle-320-200-percent-text');
  });
  await browser.page.setViewportSize({ width: 375, height: 812 });
  await app.tap('#settle-done');
  await app.find('.confirm-dialog__confirm').waitFor();
  expect(await app.text('认定服务已经完成？').isVisible()).toBe(true);
  await app.shot('worker-settle-asked');
  await app.tap('.confirm-dialog__confirm');
  await app.find('#order-told').waitFor({ timeout: 30_000 });
  await browser.page.waitForFunction(() =>
    [...document.querySelectorAll('#order-status')].some((el) => el.getAttribute('data-status') === 'confirmed'),
  );
  expect(await app.find('#settle-order').count()).toBe(0);
  expect(await app.find('#order-steps').textContent()).toMatch(/认定服务已完成[\s\S]*已电话回访/);
  await app.shot('worker-settled');

  // 王建国: 我的任务 from myTasks, the task credited.
  await app.signInAs(wang);
  const task = app.find(`#my-tasks #order-${id}`);
  await task.waitFor({ timeout: 30_000 });
  expect(await task.getAttribute('data-status')).toBe('confirmed');
  expect(await task.textContent()).toMatch(/服务时长 \d+ 分钟，积分 \d+/);
  await app.find('#service-hours').waitFor();
  await browser.page.addStyleTag({ content: '.home__actions, #my-grid { display: none !important; }' });
  await app.shot('volunteer-my-tasks');
  await withDoubleText(async () => {
    await fitsWidth('#volunteer-home');
    await app.shot('volunteer-my-tasks-200-percent-text');
  });
  expect(browser.pageErrors).toEqual([]);
}, 300_000);

it('keeps a slot’s time on one line at 320 px and 200 % text, and every home tile’s title on one line', async () => {
  await app.signInAs(demoOpenid('张秀兰'));
  for (const tile of ['signin', 'grid-codes', 'services', 'messages']) expect(await linesOf(`#action-${tile} .home__action-title`)).toBe(1);
  await app.shot('resident-home-tiles');

  await browser.page.setViewportSize({ width: 320, height: 568 });
  await app.open('orders/pages/services/index');
  await app.tap('#choose-SMLF');
  await app.find('#service-SMLF .orders__slot').waitFor();
  await withDoubleText(async () => {
    await fitsWidth('#services');
    expect(await linesOf('#service-SMLF .orders__slot-time')).toBe(1);
    await app.shot('slots-320-200-percent-text');
  });
  await browser.page.setViewportSize({ width: 375, height: 812 });
  expect(browser.pageErrors).toEqual([]);
}, 120_000);
