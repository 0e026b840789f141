/**
 * Finding one's way in the browser build (issue 13, items 5 and 6): Taro's title bar with the page's title and
 * a back arrow (home when there is nothing to go back to); 回到首页 as a relaunch, so Back does not return to
 * the pages left; a wrong report link that says 找不到这条上报 and offers 回到首页; another grid's link opened in
 * the same tab joining that grid; the report form naming the grid of the phone's position (您在 城关社区第3网格);
 * the map picker with grid names, community and street boundaries, landmarks and 您在这里; 上报成功's 查看我的上报 and
 * 回到首页. Every page touched is
 * shot at 390×844 and at 320×568 with the root font doubled (care mode): artifacts/nav-NN-<step>.png.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gridScene } from '@pingan/shared/grid';
import { gcj02ToWgs84 } from '../../client/src/device/wgs84-to-gcj02';
import { artifactsDir, launchMobileBrowser, waitForTaroPage, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const IN_GRID_03: [number, number] = [111.587499, 33.796931]; // GCJ-02, inside 410399001001-03
const [wgsLng, wgsLat] = gcj02ToWgs84(IN_GRID_03[0], IN_GRID_03[1]);
const RESIDENT = demoOpenid('王桂英');

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^nav-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl, { geolocation: { longitude: wgsLng, latitude: wgsLat } });
  await browser.page.setViewportSize({ width: 390, height: 844 });
  app = new H5App(browser.page, stack.webUrl, 'nav');
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** The page at 390×844, then at 320×568 with the root font doubled (as care mode does). */
async function shots(name: string): Promise<void> {
  await app.shot(name);
  const page = browser.page;
  await page.setViewportSize({ width: 320, height: 568 });
  const rootPx = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const style = await page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  await app.shot(`${name}-320-200`);
  await style.evaluate((el) => (el as HTMLElement).remove());
  await page.setViewportSize({ width: 390, height: 844 });
}

const bar = () => browser.page.locator('#taro-navigation-bar');
const barTitle = async () => (await bar().locator('.taro-navigation-bar-title').innerText()).trim();
const joinedGrid = async () =>
  ((await stack.cloud.functions.invoke('me', {}, { openid: RESIDENT })) as { data: { joinedGrid: { code: string } | null } }).data
    .joinedGrid?.code;

it('shows the title bar with a back arrow that goes back, and home where there is nothing to go back to', async () => {
  await app.signInAs(RESIDENT);
  expect(await bar().isVisible()).toBe(true);
  // The home page has nothing to go back to and no button.
  expect(await bar().locator('.taro-navigation-bar-back').isVisible()).toBe(false);
  await app.tap('#action-my-reports', 'pages/my-reports/index');
  expect(await barTitle()).toBe('我的上报');
  const backButton = bar().locator('.taro-navigation-bar-back[role="button"][aria-label="返回"]');
  expect(await backButton.isVisible()).toBe(true);
  await shots('title-bar');
  await backButton.click();
  await waitForTaroPage(browser.page, 'pages/home/index');
  await app.find('#action-report').waitFor();

  // A wrong link: not the person's fault, and a way home that leaves nothing behind.
  await app.open('pages/report/index?id=no-such-report');
  await app.find('#report-not-found').waitFor();
  expect(await app.text('找不到这条上报').isVisible()).toBe(true);
  expect(await browser.page.getByText(/填写的内容有误|您没有权限/).count()).toBe(0);
  // Opened from a link: the bar's button goes home.
  expect(await bar().locator('.taro-navigation-bar-home[aria-label="回到首页"]').isVisible()).toBe(true);
  await shots('report-not-found');
  await app.tap('#not-found-home', 'pages/home/index');
  await app.find('#action-report').waitFor();
  expect(await browser.page.locator('.taro_page').count()).toBe(1);
}, 180_000);

it('joins the second grid whose link is opened in the same tab, and 回到首页 leaves no page behind', async () => {
  await app.open(`pages/scan/index?scene=${encodeURIComponent(gridScene('410399001001-03'))}`);
  await app.find('#joined').waitFor();
  expect(await app.find('#joined').innerText()).toContain('城关社区第3网格');
  expect(await joinedGrid()).toBe('410399001001-03');

  // Another grid's link in the same tab: the hash changes, the page instance stays.
  await browser.page.evaluate((scene) => {
    window.location.hash = `#/pages/scan/index?scene=${encodeURIComponent(scene)}`;
  }, gridScene('410399002001-05'));
  await browser.page.waitForFunction(() => document.querySelector('#joined')?.textContent?.includes('河东社区第5网格'), undefined, {
    timeout: 20_000,
  });
  expect(await joinedGrid()).toBe('410399002001-05');
  await shots('joined-second-grid');

  await app.text('回到首页').click();
  await waitForTaroPage(browser.page, 'pages/home/index');
  // A relaunch: home is the only page, so the bar offers no way back to the scan page.
  await browser.page.waitForTimeout(500);
  expect(await bar().locator('.taro-navigation-bar-back').isVisible()).toBe(false);
  expect(await browser.page.locator('.taro_page').count()).toBe(1);
}, 180_000);

it('names the grid of the phone’s position on the form, and draws names, boundaries, landmarks and 您在这里 on the map', async () => {
  await app.open('pages/report-new/index');
  await app.tap('#location-device');
  await app.text('您在 城关社区第3网格').waitFor();
  await app.find('#chosen-location').scrollIntoViewIfNeeded();
  await shots('report-form-place');

  await app.tap('#location-map', 'local/pages/map-picker/index');
  await app.find('#you-are-here').waitFor();
  expect(await browser.page.locator('.map-picker__grid-name').count()).toBeGreaterThanOrEqual(40);
  expect(await browser.page.locator('.map-picker__community').count()).toBe(5);
  expect(await browser.page.locator('.map-picker__street').count()).toBe(2);
  const landmarks = await browser.page.locator('.map-picker__landmark').evaluateAll((els) => els.map((el) => el.getAttribute('data-name')));
  expect(landmarks).toEqual(expect.arrayContaining(['县政府', '县一中', '农贸市场', '县人民医院', '汽车站']));
  expect(await barTitle()).toBe('在地图上选位置');
  await shots('map-picker');

  // Back to the form by the bar's arrow, then sent: 上报成功 offers 查看我的上报 and 回到首页 (a relaunch).
  await bar().locator('.taro-navigation-bar-back').click();
  await waitForTaroPage(browser.page, 'pages/report-new/index');
  await app.tap('#category-XFYH');
  await app.find('#report-text textarea').fill('农贸市场门口的消防栓被三轮车挡住了');
  await app.tap('#submit-report');
  await app.find('#submitted').waitFor({ timeout: 30_000 });
  expect(await app.find('#routed-owner').innerText()).toContain('城关社区第3网格');
  await app.find('#submitted-mine').waitFor();
  await shots('submitted');
  await app.tap('#submitted-home', 'pages/home/index');
  await app.find('#action-report').waitFor();
  expect(await browser.page.locator('.taro_page').count()).toBe(1);
}, 240_000);
