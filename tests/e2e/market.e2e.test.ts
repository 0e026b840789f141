/**
 * 爱心超市 in the browser (issue 12): 张秀兰 opens it from her home, sees her 爱心积分 and the community's items
 * with price and stock, redeems 东北大米 (asked once more), and 我的兑换 shows the hand-over code large; her
 * balance is less by the price. 赵丽 (网格员) opens 爱心超市 · 兑换核销 from her home, finds the redemption
 * (no code shown), types the code 张秀兰 shows and confirms the hand-over; 张秀兰 then reads 已领取. 陈志强 (网格长)
 * restocks the rice under 物品管理. Shots at 390×844, at 320×568 with 200 % text, and the staff page at
 * 1440×900: artifacts/market-NN-<step>.png.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, launchMobileBrowser, waitForTaroPage, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^market-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'market');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const PHONE = { width: 390, height: 844 };

/** Every visible element inside `selector` fits the window's width. */
async function fitsWidth(selector: string): Promise<void> {
  const widths = await browser.page.evaluate((inside) => {
    const boxes = [...document.querySelectorAll<HTMLElement>(`${inside} *`)].filter((el) => el.offsetParent !== null);
    return { root: document.documentElement.clientWidth, widest: Math.max(...boxes.map((el) => el.getBoundingClientRect().right)) };
  }, selector);
  expect(widths.widest).toBeLessThanOrEqual(widths.root + 0.5);
}

/** 320×568 with 200 % text (关怀模式): Taro's H5 sizes are rem, so doubling the root doubles every text. */
async function onSmallPhoneAtDoubleText(run: () => Promise<void>): Promise<void> {
  const rootPx = await browser.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await browser.page.setViewportSize({ width: 320, height: 568 });
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  try {
    await run();
  } finally {
    await browser.page.addStyleTag({ content: `html { font-size: ${rootPx}px !important; }` });
    await browser.page.setViewportSize(PHONE);
  }
}

const balanceShown = async () => Number(await app.find('#market-balance').getAttribute('data-value'));

it('张秀兰 redeems 东北大米 with her 爱心积分 and 赵丽 hands it over against the code she shows', async () => {
  const zhang = demoOpenid('张秀兰');
  await browser.page.setViewportSize(PHONE);
  await app.signInAs(zhang);
  await app.tap('#action-market', 'market/pages/market/index');
  await app.find('#item-mi-demo-rice').waitFor({ timeout: 30_000 });
  const before = await balanceShown();
  expect(before).toBeGreaterThanOrEqual(30);
  expect(await app.find('#item-mi-demo-rice').textContent()).toMatch(/东北大米 5 斤[\s\S]*30 分[\s\S]*还剩 20 件[\s\S]*每人限兑 2 件/);
  // Paused items are not offered; no one else's points are shown anywhere.
  expect(await browser.page.locator('#item-mi-demo-umbrella').count()).toBe(0);
  await app.shot('resident-market');
  await onSmallPhoneAtDoubleText(async () => {
    await fitsWidth('#market');
    await app.shot('resident-market-320-200-percent-text');
  });

  await app.tap('#redeem-mi-demo-rice');
  await app.find('.confirm-dialog__confirm').waitFor();
  expect(await app.text('用 30 爱心积分兑换“东北大米 5 斤”？兑换后积分扣除，领取前可以取消。').isVisible()).toBe(true);
  await app.shot('resident-redeem-asked');
  await app.tap('.confirm-dialog__confirm');
  await waitForTaroPage(browser.page, 'market/pages/mine/index');
  const card = app.find('#my-redemptions .orders__card[data-status="requested"]');
  await card.waitFor({ timeout: 30_000 });
  const redemptionId = ((await card.getAttribute('id')) ?? '').replace('redemption-', '');
  const code = ((await app.find(`#code-${redemptionId}`).textContent()) ?? '').trim();
  expect(code).toMatch(/^\d{6}$/);
  expect(await card.textContent()).toMatch(/东北大米 5 斤[\s\S]*待领取[\s\S]*30 分[\s\S]*领取时请出示兑换码/);
  await app.shot('resident-code');
  await onSmallPhoneAtDoubleText(async () => {
    await fitsWidth('#my-redemptions');
    await app.shot('resident-code-320-200-percent-text');
  });

  // Her balance is less by the price, and the rice's stock by one.
  await app.open('market/pages/market/index');
  await app.find('#item-mi-demo-rice').waitFor({ timeout: 30_000 });
  expect(await balanceShown()).toBe(before - 30);
  expect(await app.find('#item-mi-demo-rice').textContent()).toMatch(/还剩 19 件[\s\S]*（已兑 1）/);

  // 赵丽: from her home to 兑换核销; the list shows who and what, never the code.
  await app.signInAs(demoOpenid('赵丽'));
  await app.tap('#open-staff-market', 'staff/pages/market/index');
  const row = app.find(`#desk-${redemptionId}`);
  await row.waitFor({ timeout: 30_000 });
  expect(await row.textContent()).toMatch(/张秀兰 · 东北大米 5 斤[\s\S]*待领取[\s\S]*30 分/);
  expect(await app.find('#staff-market').textContent()).not.toContain(code);
  expect(await browser.page.locator('#tab-items').count()).toBe(0);
  const wrong = code === '000000' ? '000001' : '000000';
  await app.find(`#code-input-${redemptionId} input`).fill(wrong);
  await app.tap(`#hand-over-${redemptionId}`);
  await app.text('兑换码不对，请核对居民出示的 6 位兑换码。').waitFor({ timeout: 30_000 });
  await app.find(`#code-input-${redemptionId} input`).fill(code);
  await app.shot('worker-code-typed');
  await app.tap(`#hand-over-${redemptionId}`);
  await app.find('#desk-done').waitFor({ timeout: 30_000 });
  expect(await app.find('#desk-done').textContent()).toBe('张秀兰：“东北大米 5 斤”已核销领取');
  await browser.page.waitForFunction(
    (id) => document.querySelector(`#desk-${id}`)?.getAttribute('data-status') === 'handedOver',
    redemptionId,
  );
  await app.shot('worker-handed-over');
  await onSmallPhoneAtDoubleText(async () => {
    await fitsWidth('#staff-market');
    await app.shot('worker-desk-320-200-percent-text');
  });
  await browser.page.setViewportSize({ width: 1440, height: 900 });
  await app.shot('worker-desk-1440');
  await browser.page.setViewportSize(PHONE);

  // 张秀兰 reads it handed over, its code gone.
  await app.signInAs(zhang);
  await app.open('market/pages/mine/index');
  const done = app.find(`#redemption-${redemptionId}`);
  await done.waitFor({ timeout: 30_000 });
  expect(await done.getAttribute('data-status')).toBe('handedOver');
  expect(await done.textContent()).toMatch(/已领取/);
  expect(await browser.page.locator(`#code-${redemptionId}`).count()).toBe(0);
  await app.shot('resident-handed-over');
  expect(browser.pageErrors).toEqual([]);
}, 300_000);

it('陈志强 (网格长) restocks an item under 物品管理, and the page reads well at 1440×900', async () => {
  await browser.page.setViewportSize(PHONE);
  await app.signInAs(demoOpenid('陈志强'));
  await app.tap('#open-staff-market', 'staff/pages/market/index');
  await app.tap('#tab-items');
  await app.find('#manage-mi-demo-oil').waitFor({ timeout: 30_000 });
  // Paused items are managed too.
  expect(await app.find('#manage-mi-demo-umbrella').textContent()).toMatch(/爱心雨伞[\s\S]*已暂停/);
  const stockBefore = Number(/还剩 (\d+) 件/.exec((await app.find('#manage-mi-demo-oil').textContent()) ?? '')?.[1]);
  await app.tap('#edit-mi-demo-oil');
  await app.find('#item-stock input').fill('5');
  await app.shot('leader-restock');
  await app.tap('#item-save');
  await app.find('#item-saved').waitFor({ timeout: 30_000 });
  expect(await app.find('#item-saved').textContent()).toBe(`“花生油 1 升”已保存，还剩 ${stockBefore + 5} 件`);
  await onSmallPhoneAtDoubleText(async () => {
    await fitsWidth('#staff-market');
    await app.shot('leader-items-320-200-percent-text');
  });
  await browser.page.setViewportSize({ width: 1440, height: 900 });
  await app.shot('leader-items-1440');
  await browser.page.setViewportSize(PHONE);
  expect(browser.pageErrors).toEqual([]);
}, 300_000);
