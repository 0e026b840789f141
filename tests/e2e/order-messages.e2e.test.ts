/**
 * An order's messages and its credit in the browser against the real functions (issue 11, items 4 and 6):
 * 张秀兰's booking is put in the task hall by 赵丽, claimed by the volunteer 王建国, completed with his own
 * photo and confirmed by her. She finds 接单 and 完成 in 消息, and a tap opens the order; he finds 确认 in his,
 * and the credit on 积分 as 志愿服务 with its minutes. Shot at 375 px and at 200 % text (关怀模式), which must
 * not overflow the phone's width. Screenshots go to artifacts/order-messages-NN-*.png.
 */
import { sdkEnvFor } from '../../localcloud/src/config';
import { launchMobileBrowser, waitForTaroPage, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const WORKER = 'o-demo-grid-worker-03'; // 赵丽

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'order-messages');
}, 240_000);

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

/** Doubles every text as WeChat's care mode does, and checks nothing is wider than the phone. */
async function atDoubleText(selector: string): Promise<void> {
  const rootPx = await browser.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  const widths = await browser.page.evaluate(
    (cards) => ({
      root: document.documentElement.clientWidth,
      widest: Math.max(...[...document.querySelectorAll<HTMLElement>(cards)].map((el) => el.getBoundingClientRect().right)),
    }),
    selector,
  );
  expect(widths.widest).toBeLessThanOrEqual(widths.root);
}

it('tells 张秀兰 who is coming and to confirm, opens the order from 消息, and credits 王建国 once on 积分', async () => {
  const zhang = demoOpenid('张秀兰');
  const wang = demoOpenid('王建国');
  type Offers = { services: { serviceCode: string; upcoming: { key: string; left: number }[] }[] };
  const { services } = await act<Offers>('gridServices', {}, zhang);
  const haircut = services.find((service) => service.serviceCode === 'SMLF');
  const slot = haircut?.upcoming.find((occurrence) => occurrence.left > 0);
  if (!slot) throw new Error('no SMLF slot ahead');
  const booking = { idempotencyKey: 'e2e-order-messages-1', serviceCode: 'SMLF', slotKey: slot.key, address: '幸福路 3 号 2 单元 401' };
  const { order } = await act<{ order: { id: string } }>('bookService', booking, zhang);
  await act('dispatchOrder', { orderId: order.id, mode: 'hall' }, WORKER);
  await act('claimOrder', { orderId: order.id }, wang);
  const photo = await completionPhoto(wang, 'e2e-order-done-1');
  await act('completeOrder', { orderId: order.id, note: '已上门理发', photos: [photo], uploadKey: 'e2e-order-done-1' }, wang);

  await app.signInAs(zhang);
  await app.open('pages/messages/index');
  await app.find('.message-card').waitFor({ timeout: 30_000 });
  const titles = await browser.page.locator('.message-card__title').filter({ visible: true }).allInnerTexts();
  expect(titles).toEqual(['服务已完成，请确认', '您的点单已有人接单']);
  expect(await app.text(/由志愿者王建国接单/).isVisible()).toBe(true);
  await app.shot('resident-messages');
  await atDoubleText('.message-card');
  await app.shot('resident-messages-200-percent-text');
  await browser.page.reload();
  await app.find('.message-card').waitFor({ timeout: 30_000 });
  await app.text('服务已完成，请确认').click();
  await waitForTaroPage(browser.page, 'orders/pages/order/index');
  expect(browser.page.url()).toContain(`id=${order.id}`);
  await app.find('#order-status').waitFor({ timeout: 30_000 });
  await app.shot('order-opened-from-message');

  await act('confirmOrder', { orderId: order.id }, zhang);
  await app.signInAs(wang);
  await app.open('pages/messages/index');
  await app.text('居民已确认服务完成').waitFor({ timeout: 30_000 });
  expect(await app.text(/记服务时长 40 分钟、积分 5 分/).isVisible()).toBe(true);
  await app.shot('volunteer-messages');
  await app.open('pages/points/index');
  await app.text('志愿服务').waitFor({ timeout: 30_000 });
  expect(await app.text(/服务 40 分钟/).isVisible()).toBe(true);
  await app.shot('volunteer-points');
  await atDoubleText('.points__line');
  await app.shot('volunteer-points-200-percent-text');
  expect(browser.pageErrors).toEqual([]);
});
