/**
 * 居民点单 in a browser (issue 11). 张秀兰 opens 预约服务 on her home, opens 上门理发, picks the first slot
 * with a place left, fills the address and a note and taps 确认预约 twice (one order, the draft's key);
 * the order page says 已预约 and 我的点单 lists it. 赵丽 (her grid's 网格员) opens 本网格的居民点单 from her
 * home, sees it under 待派单 with 张秀兰's name and sends it to the task hall (网格下单); it moves to 任务大厅.
 * 张秀兰 sees 已派单 and the step on her order. A second booking, 代办 for a neighbour, is cancelled by her.
 * 陈志强 (网格长) opens the grid's services and slots. Shots at 375×812, 200 % text, 320 px and 1280 px:
 * artifacts/service-booking-NN-<step>.png.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, launchMobileBrowser, waitForTaroPage, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const RESIDENT = demoOpenid('张秀兰');
const WORKER = demoOpenid('赵丽');
const LEADER = demoOpenid('陈志强');
const CENTRE = demoOpenid('魏俊');
const GRID = '410399001001-03';

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^service-booking-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'service-booking');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

type Order = { id: string; status: string; address: string; title: string };

async function myOrders(): Promise<Order[]> {
  const answer = (await stack.cloud.functions.invoke('myOrders', { limit: 50 }, { openid: RESIDENT })) as {
    ok: boolean;
    data: { items: Order[] };
  };
  if (!answer.ok) throw new Error('myOrders failed');
  return answer.data.items;
}

/** The id in the order page's address. */
async function orderIdOnPage(): Promise<string> {
  await waitForTaroPage(browser.page, 'orders/pages/order/index');
  return new URL(browser.page.url().replace('/#/', '/')).searchParams.get('id') ?? '';
}

/** Every element of the page's content fits the screen's width. */
async function fitsWidth(selector: string): Promise<void> {
  const widths = await browser.page.evaluate((inside) => {
    const boxes = [...document.querySelectorAll<HTMLElement>(`${inside} *`)].filter((el) => el.offsetParent !== null);
    return { root: document.documentElement.clientWidth, widest: Math.max(...boxes.map((el) => el.getBoundingClientRect().right)) };
  }, selector);
  expect(widths.widest).toBeLessThanOrEqual(widths.root + 0.5);
}

/** Doubles the root size (Taro's H5 sizes are rem), as a 200 % system text setting would; returns the undo. */
async function doubleText(): Promise<() => Promise<void>> {
  const rootPx = await browser.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  return async () => {
    await browser.page.addStyleTag({ content: `html { font-size: ${rootPx}px !important; }` });
  };
}

/** Opens 上门理发 on the services page and the first slot with a place left: the booking form. */
async function bookFormForHaircut(): Promise<void> {
  await app.open('orders/pages/services/index');
  await app.find('#choose-SMLF').waitFor();
  await app.tap('#choose-SMLF');
  await app.find('#service-SMLF .orders__slot:not(.orders__slot--full)').waitFor();
  await app.tap('#service-SMLF .orders__slot:not(.orders__slot--full)', 'orders/pages/book/index');
  await app.find('#book-address textarea').waitFor();
}

it('books a service, sees it in 我的点单, the grid worker sends it to the task hall, and a second one is cancelled', async () => {
  await app.signInAs(RESIDENT);
  await app.find('#action-services').waitFor();
  await app.shot('resident-home');
  await app.tap('#action-services', 'orders/pages/services/index');
  await app.find('#service-SMLF').waitFor();
  expect(await app.find('#service-SMLF').textContent()).toMatch(/上门理发[\s\S]*约 \d+ 分钟/);
  await app.shot('services');
  await app.tap('#choose-SMLF');
  await app.find('#service-SMLF .orders__slot').waitFor();
  await app.shot('haircut-slots');

  await app.tap('#service-SMLF .orders__slot:not(.orders__slot--full)', 'orders/pages/book/index');
  await app.find('#book-address textarea').waitFor();
  expect(await app.find('#book-address textarea').inputValue()).toBe('');
  await app.find('#book-address textarea').fill('幸福路 3 号 2 单元 401');
  await app.find('#book-note textarea').fill('老人腿脚不便，到了请先打电话');
  await app.shot('book-form');
  const before = (await myOrders()).length;
  // A double tap books once: the button waits while sending, and both taps carry the draft's one key.
  await app.find('#submit-booking').dblclick();
  const id = await orderIdOnPage();
  await app.find('#order-status').waitFor();
  expect(await app.find('#order-status').getAttribute('data-status')).toBe('booked');
  expect(await app.find('#order').textContent()).toMatch(/上门理发[\s\S]*幸福路 3 号 2 单元 401[\s\S]*提交预约/);
  expect(await myOrders()).toHaveLength(before + 1);
  await app.find('#cancel-order').waitFor();
  await app.shot('order-booked');

  await app.tap('#order-to-list', 'orders/pages/my-orders/index');
  await app.find(`#order-${id}`).waitFor();
  expect(await app.find(`#order-${id}`).textContent()).toMatch(/上门理发[\s\S]*待派单/);
  await app.shot('my-orders');

  // The second booking, 代办 for a neighbour, at the address she used last; then cancelled.
  await bookFormForHaircut();
  expect(await app.find('#book-address textarea').inputValue()).toBe('幸福路 3 号 2 单元 401');
  await app.tap('#for-neighbour');
  await app.find('#neighbour-name input').fill('王奶奶');
  await app.find('#neighbour-phone input').fill('13800000000');
  await app.find('#book-address textarea').fill('幸福路 3 号 2 单元 402');
  await app.shot('book-for-neighbour');
  await app.tap('#submit-booking');
  const second = await orderIdOnPage();
  expect(second).not.toBe(id);
  await app.find('#cancel-order').waitFor();
  expect(await app.find('#order').textContent()).toMatch(/为 王奶奶 预约/);
  await app.tap('#cancel-order');
  await app.find('.confirm-dialog__confirm').waitFor();
  await app.shot('cancel-asked');
  await app.tap('.confirm-dialog__confirm');
  await browser.page.waitForFunction(() =>
    [...document.querySelectorAll('#order-status')].some((el) => el.getAttribute('data-status') === 'cancelled'),
  );
  expect(await app.find('#order-status').textContent()).toBe('已取消');
  expect(await app.find('#cancel-order').count()).toBe(0);
  await app.shot('order-cancelled');

  // 赵丽: her grid's booked orders, 网格下单 to the task hall.
  await app.signInAs(WORKER);
  await app.find(`#open-grid-orders-${GRID}`).waitFor();
  await app.shot('worker-home');
  await app.tap(`#open-grid-orders-${GRID}`, 'staff/pages/grid-orders/index');
  // 全部 first: what waits on her (the booking) before the rest (the cancelled one).
  await app.find(`#order-${second}`).waitFor();
  const listed = await browser.page
    .locator('#grid-orders .orders__card[data-status]')
    .filter({ visible: true })
    .evaluateAll((cards) => cards.map((card) => card.id));
  expect(listed.indexOf(`order-${id}`)).toBeLessThan(listed.indexOf(`order-${second}`));
  await app.shot('grid-orders-all');
  await app.tap('#tab-booked');
  // 待派单 only: the cancelled one leaves once the tab's list is read.
  await app.find(`#order-${second}`).waitFor({ state: 'hidden', timeout: 30_000 });
  await app.find(`#order-${id}`).waitFor();
  expect(await app.find(`#order-${id}`).textContent()).toMatch(/上门理发[\s\S]*预约人：张秀兰[\s\S]*老人腿脚不便/);
  await app.shot('grid-orders-booked');
  await app.tap(`#dispatch-${id}`);
  await app.find('.confirm-dialog__confirm').waitFor();
  await app.tap('.confirm-dialog__confirm');
  await app.find('#dispatch-told').waitFor();
  await browser.page.waitForFunction((orderId) => !document.querySelector(`#order-${orderId}`), id);
  await app.tap('#tab-posted');
  await app.find(`#order-${id}`).waitFor();
  expect(await app.find(`#dispatch-${id}`).count()).toBe(0);
  await app.shot('grid-orders-posted');
  await app.tap('#tab-cancelled');
  await app.find(`#order-${second}`).waitFor();

  const restore = await doubleText();
  await app.tap('#tab-booked');
  await fitsWidth('#grid-orders');
  await app.shot('grid-orders-200-percent-text');
  await restore();

  // A desktop browser: the list keeps a readable measure.
  await browser.page.setViewportSize({ width: 1280, height: 800 });
  await app.open(`staff/pages/grid-orders/index?grid=${GRID}&name=${encodeURIComponent('城关社区第3网格')}`);
  await app.tap('#tab-posted');
  await app.find(`#order-${id}`).waitFor();
  expect((await app.find('#grid-orders').boundingBox())!.width).toBeLessThan(1000);
  await app.shot('grid-orders-desktop-1280');
  await browser.page.setViewportSize({ width: 375, height: 812 });

  // 张秀兰 sees the new status and its step.
  await app.signInAs(RESIDENT);
  await app.open(`orders/pages/order/index?id=${id}`);
  await app.find('#order-status').waitFor();
  expect(await app.find('#order-status').getAttribute('data-status')).toBe('posted');
  expect(await app.find('#order-steps').textContent()).toMatch(/提交预约[\s\S]*网格员已派单到任务大厅/);
  await app.shot('order-posted');

  const undo = await doubleText();
  await fitsWidth('#order');
  await app.shot('order-200-percent-text');
  await undo();
  // A fresh load drops the injected size: doubled again once the page is there.
  await app.open('orders/pages/services/index');
  await app.tap('#choose-SMLF');
  await app.find('#service-SMLF .orders__slot').waitFor();
  const undoServices = await doubleText();
  await fitsWidth('#services');
  await app.shot('services-200-percent-text');
  await undoServices();

  // 320 px wide at 200 % text: the booking form still fits and its buttons keep their words.
  await browser.page.setViewportSize({ width: 320, height: 568 });
  await bookFormForHaircut();
  const undoSmall = await doubleText();
  await app.tap('#for-neighbour');
  await fitsWidth('#book');
  await app.shot('book-320-200-percent-text');
  await undoSmall();
  await browser.page.setViewportSize({ width: 375, height: 812 });

  // 魏俊 (城关社区 centre): his grids, each with its orders and its services.
  await app.signInAs(CENTRE);
  await app.tap('#open-centre-grids');
  await app.find(`#open-grid-orders-${GRID}`).waitFor();
  await app.shot('centre-home-grids');
  await app.tap(`#open-grid-orders-${GRID}`, 'staff/pages/grid-orders/index');
  await app.tap('#tab-posted');
  await app.find(`#order-${id}`).waitFor();

  // 陈志强 (网格长): the grid's services and weekly slots.
  await app.signInAs(LEADER);
  await app.find(`#edit-grid-services-${GRID}`).waitFor();
  await app.tap(`#edit-grid-services-${GRID}`, 'staff/pages/grid-services/index');
  await app.find('#catalogue-SMLF').waitFor();
  expect(await app.find('#catalogue-SMLF').textContent()).toMatch(/周二 09:00–10:00，3 个名额/);
  await app.shot('grid-services');
  await browser.page.setViewportSize({ width: 1280, height: 800 });
  await app.open(`staff/pages/grid-services/index?grid=${GRID}&name=${encodeURIComponent('城关社区第3网格')}`);
  await app.find('#catalogue-SMLF').waitFor();
  await app.shot('grid-services-desktop-1280');
  expect(browser.pageErrors).toEqual([]);
}, 300_000);
