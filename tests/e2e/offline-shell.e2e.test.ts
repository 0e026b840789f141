/**
 * The H5 shell on a bad network (issue 13, item 7). Before any script has arrived the home's skeleton is on
 * screen (平安网格, 正在打开…, the shape of its tiles), never a blank page; after one visit, a reload with the
 * network gone shows the kept app with 网络未连接，请检查网络后重试 and a 重试 button, never the browser's own error
 * page; back online the reload shows the home again without the notice. Shots at 390×844 and at 320×568 with
 * 200 % text: artifacts/offline-NN-<step>.png.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Route } from 'playwright-core';
import { artifactsDir, launchMobileBrowser, screenshot, type MobileBrowser } from './helpers/browser';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const RESIDENT = 'o-demo-resident-01'; // 张秀兰
const OFFLINE_MESSAGE = '网络未连接，请检查网络后重试';

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;
let shots = 0;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^offline-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'offline');
  await browser.page.setViewportSize({ width: 390, height: 844 });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Both phone shots of what is on screen now: 390×844, then 320×568 with the root font size doubled (200 % text). */
async function shootBoth(step: string): Promise<void> {
  const page = browser.page;
  shots += 1;
  await screenshot(page, `offline-${String(shots).padStart(2, '0')}-${step}`);
  const rootPx = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await page.setViewportSize({ width: 320, height: 568 });
  const doubled = await page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  try {
    await page.waitForTimeout(200);
    await screenshot(page, `offline-${String(shots).padStart(2, '0')}-${step}-200`);
    const widest = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll<HTMLElement>('#boot-skeleton *, #offline-notice *')]
          .filter((el) => el.offsetParent !== null)
          .map((el) => el.getBoundingClientRect().right),
        0,
      ),
    );
    expect(widest).toBeLessThanOrEqual(320.5);
  } finally {
    await doubled.evaluate((el) => (el as HTMLElement).remove());
    await page.setViewportSize({ width: 390, height: 844 });
  }
}

it('shows the home skeleton before any script has arrived', async () => {
  const page = browser.page;
  const held: Route[] = [];
  await page.route('**/js/**', (route) => void held.push(route));
  try {
    // Held scripts hold the load event too: wait only for the document.
    await page.goto(`${stack.webUrl}/#/pages/home/index`, { waitUntil: 'commit' });
    await page.locator('#boot-skeleton').waitFor({ state: 'visible' });
    expect(await page.locator('#boot-skeleton').innerText()).toContain('正在打开');
    await shootBoth('skeleton');
  } finally {
    await page.unroute('**/js/**');
    await Promise.all(held.map((route) => route.continue().catch(() => undefined)));
  }
});

it('reloads offline into the kept app with the Chinese notice, then online into the home', async () => {
  const page = browser.page;
  await app.signInAs(RESIDENT);
  await page.locator('#my-grid').waitFor();
  // The shell is kept once the service worker controls the page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 60_000 });
  expect(await page.locator('#boot-skeleton').isHidden()).toBe(true);

  await browser.context.setOffline(true);
  try {
    await page.reload();
    expect(page.url()).toMatch(/^http:/); // not chrome-error://
    const notice = page.locator('#offline-notice');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.innerText()).toContain(OFFLINE_MESSAGE);
    expect(await notice.getByRole('button', { name: '重试' }).isVisible()).toBe(true);
    expect(await page.title()).toBe('平安网格');
    await page.waitForTimeout(1500); // whatever the kept app can show underneath
    await shootBoth('offline-reload');
  } finally {
    await browser.context.setOffline(false);
  }

  await page.reload();
  await page.locator('#my-grid').waitFor();
  expect(await page.locator('#offline-notice').isHidden()).toBe(true);
});
