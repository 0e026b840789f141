/**
 * 长辈模式 in the browser: 张秀兰 switches it on from the top of her home; the root grows by 1.25× (text, tiles
 * and targets together), the home is 一键求助 and three big tiles with the rest under 更多, and the choice
 * survives a reload. Shots at 390×844 and at 320×568 with 200 % text: artifacts/care-mode-NN-<step>.png.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const RESIDENT = 'o-demo-resident-01'; // 张秀兰

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^care-mode-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  await browser.page.setViewportSize({ width: 390, height: 844 });
  app = new H5App(browser.page, stack.webUrl, 'care-mode');
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const rootPx = () => browser.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
const titles = () => browser.page.locator('.home__action-title').filter({ visible: true }).allInnerTexts();
/** Elements wider than the screen, or a tile title broken over lines (one character a line). */
const overflow = () =>
  browser.page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll<HTMLElement>('.taro_page *')]
      .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().right > width + 1)
      .map((el) => el.className || el.tagName)
      .slice(0, 5);
  });

it('gives 张秀兰 larger text and a simpler home when she switches 长辈模式 on', async () => {
  await app.signInAs(RESIDENT);
  const before = await rootPx();
  expect(await browser.page.locator('#care-mode-switch').getAttribute('aria-checked')).toBe('false');
  await app.tap('#care-mode-switch');
  await browser.page.waitForFunction(() => document.documentElement.classList.contains('care-mode'));
  expect(await rootPx()).toBeCloseTo(before * 1.25, 1);
  expect(await titles()).toEqual(['随手拍', '预约服务', '我的上报']);
  // Every tile and the switch at least 48 CSS px tall.
  for (const selector of ['#care-mode-switch', '#action-report', '#action-services', '#action-my-reports', '#home-more']) {
    expect((await app.find(selector).boundingBox())!.height).toBeGreaterThanOrEqual(48);
  }
  expect(await overflow()).toEqual([]);
  await app.shot('home-on');

  await app.tap('#home-more');
  await app.find('#action-points').waitFor();
  await app.shot('home-more');

  // Kept on the device: a fresh load is still in 长辈模式.
  await app.open('pages/home/index');
  await app.find('#action-report').waitFor();
  expect(await browser.page.evaluate(() => document.documentElement.classList.contains('care-mode'))).toBe(true);
  expect(await titles()).toEqual(['随手拍', '预约服务', '我的上报']);

  // 320 wide with 200 % text (the person's own large text over Taro's root, whatever 长辈模式 adds).
  await browser.page.setViewportSize({ width: 320, height: 568 });
  await browser.page.evaluate(() => document.documentElement.classList.remove('care-mode'));
  const base = await rootPx();
  await browser.page.evaluate(() => document.documentElement.classList.add('care-mode'));
  await browser.page.addStyleTag({ content: `html.care-mode { font-size: ${base * 2}px !important; }` });
  expect(await overflow()).toEqual([]);
  await app.shot('home-on-320-200-percent-text');
  expect(browser.pageErrors).toEqual([]);
}, 240_000);
