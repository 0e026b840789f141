/**
 * 一键求助 (issue 11 item 5) in a browser. 张秀兰 (a resident of grid -03, on a phone, her location inside
 * the grid) presses 一键求助 on her home, then 发出求助 and 立即发出; her page says who was told. 赵丽 (网格员
 * of grid -03, in a desktop browser) finds the call as a red card at the top of her home and of her inbox,
 * taps 收到; 张秀兰's page, polling, then says 赵丽 is coming. 赵丽 closes it from the staff help page with a
 * note. Shots at 375×812, at 200 % text and the staff's at 1280×800: artifacts/help-NN-<step>.png.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gcj02ToWgs84 } from '../../client/src/device/wgs84-to-gcj02';
import { artifactsDir, launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const RESIDENT = 'o-demo-resident-01'; // 张秀兰
const WORKER = 'o-demo-grid-worker-03'; // 赵丽
const PLACE: [number, number] = [111.587499, 33.796931]; // inside 城关社区第3网格 (data/demo-county/README.md)

let stack: LocalStack;
let phone: MobileBrowser;
let desk: MobileBrowser;
let resident: H5App;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^help-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  const [lng, lat] = gcj02ToWgs84(...PLACE);
  phone = await launchMobileBrowser(stack.webUrl, { geolocation: { longitude: lng, latitude: lat } });
  desk = await launchMobileBrowser(stack.webUrl, { desktop: { width: 1280, height: 800 } });
  resident = new H5App(phone.page, stack.webUrl, 'help');
}, 600_000);

afterAll(async () => {
  await phone?.close();
  await desk?.close();
  await stack?.stop();
});

/** Every element of the page's content fits the window's width. */
async function fitsWidth(app: H5App, selector: string): Promise<void> {
  const widths = await app.page.evaluate((inside) => {
    const boxes = [...document.querySelectorAll<HTMLElement>(`${inside} *`)].filter((el) => el.offsetParent !== null);
    return { root: document.documentElement.clientWidth, widest: Math.max(...boxes.map((el) => el.getBoundingClientRect().right)) };
  }, selector);
  expect(widths.widest).toBeLessThanOrEqual(widths.root + 0.5);
}

/** 200 % text (关怀模式): Taro's H5 sizes in rem from the root's font size, so an important rule doubles it. */
async function withDoubleText(app: H5App, run: () => Promise<void>): Promise<void> {
  const rootPx = await app.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await app.page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  try {
    await run();
  } finally {
    await app.page.addStyleTag({ content: `html { font-size: ${rootPx}px !important; }` });
  }
}

it('张秀兰 calls for help, 赵丽 answers 收到 from the top of her inbox, and 张秀兰 sees that 赵丽 is coming', async () => {
  await resident.signInAs(RESIDENT);
  const button = resident.find('#action-help');
  await button.waitFor();
  // Near the top: above the home's tiles.
  const [helpTop, tilesTop] = await Promise.all([button.boundingBox(), resident.find('#action-report').boundingBox()]);
  expect(helpTop!.y).toBeLessThan(tilesTop!.y);
  await resident.shot('resident-home');
  await withDoubleText(resident, async () => {
    await fitsWidth(resident, '.home');
    await resident.shot('resident-home-200-percent-text');
  });

  await resident.tap('#action-help', 'pages/help/index');
  const numbers = resident.find('#help-numbers');
  await numbers.waitFor();
  expect(await numbers.textContent()).toMatch(/110[\s\S]*120[\s\S]*网格员 赵丽[\s\S]*13800000053/);
  expect(await resident.find('#dial-110').getAttribute('href')).toBe('tel:110');
  await resident.shot('help-page');
  await withDoubleText(resident, async () => {
    await fitsWidth(resident, '#help-page');
    await resident.shot('help-page-200-percent-text');
  });

  await resident.tap('#help-raise');
  await resident.find('#help-countdown').waitFor();
  await resident.shot('countdown');
  await resident.tap('#help-send-now');
  const told = resident.find('#help-told');
  await told.waitFor({ timeout: 30_000 });
  expect(await told.textContent()).toMatch(/^已通知：.*网格员 赵丽/);
  expect(await resident.find('#help-status').textContent()).toBe('已发出，正在等工作人员响应');
  await resident.shot('sent');

  // 赵丽, at her desk.
  const desktop = new H5App(desk.page, stack.webUrl, 'help');
  // One numbering for both people's shots, so the files sort in the order of the story.
  Object.assign(desktop, { shots: await shotsSoFar() });
  await desktop.signInAs(WORKER);
  const homeAlert = desktop.find('#help-alerts .help-alert');
  await homeAlert.waitFor({ timeout: 30_000 });
  expect(await homeAlert.textContent()).toMatch(/一键求助：张秀兰[\s\S]*城关社区第3网格[\s\S]*内无人收到将上报社区综治中心/);
  // At the very top of her home: above the workbench.
  const [alertBox, benchBox] = await Promise.all([homeAlert.boundingBox(), desktop.find('#workbench').boundingBox()]);
  expect(alertBox!.y).toBeLessThan(benchBox!.y);
  await desktop.shot('staff-home-desktop');
  await desktop.page.setViewportSize({ width: 375, height: 812 });
  await fitsWidth(desktop, '.home');
  await desktop.shot('staff-home-phone-width');
  await desktop.page.setViewportSize({ width: 1280, height: 800 });

  await desktop.open('staff/pages/inbox/index');
  const inboxAlert = desktop.find('#inbox-list #help-alerts .help-alert');
  await inboxAlert.waitFor({ timeout: 30_000 });
  await desktop.shot('staff-inbox-desktop');
  const ack = desktop.find('#inbox-list [id^="help-ack-"]');
  await ack.click();
  await desktop.find('#inbox-list .help-alert__coming').waitFor({ timeout: 30_000 });
  expect(await desktop.find('#inbox-list .help-alert__coming').textContent()).toBe('赵丽（网格员）已收到，正在处理');
  await desktop.shot('staff-acknowledged');

  // 张秀兰's page asks every 10 s.
  const coming = resident.find('#help-coming');
  await coming.waitFor({ timeout: 30_000 });
  expect(await coming.textContent()).toBe('赵丽（网格员）已收到，正在处理');
  expect(await resident.find('#dial-responder').getAttribute('href')).toBe('tel:13800000053');
  Object.assign(resident, { shots: await shotsSoFar() });
  await resident.shot('resident-sees-who-is-coming');
  await withDoubleText(resident, async () => {
    await fitsWidth(resident, '#help-page');
    await resident.shot('resident-sees-who-is-coming-200-percent-text');
  });

  // 赵丽 closes it from the staff help page, with what she did.
  await desktop.tap('#inbox-list [id^="help-open-"]', 'staff/pages/help-call/index');
  await desktop.find('#staff-help-call').waitFor();
  Object.assign(desktop, { shots: await shotsSoFar() });
  await desktop.shot('staff-help-call-desktop');
  // On 赵丽's phone, at 200 % text: nothing wider than the phone.
  await desktop.page.setViewportSize({ width: 375, height: 812 });
  await withDoubleText(desktop, async () => {
    await fitsWidth(desktop, '#staff-help-call');
    await desktop.shot('staff-help-call-200-percent-text');
  });
  await desktop.page.setViewportSize({ width: 1280, height: 800 });
  await desktop.find('#staff-help-note textarea').fill('已到场，老人摔倒无大碍，已联系家属');
  await desktop.tap('#staff-help-close');
  await desktop.find('.confirm-dialog__confirm').waitFor();
  expect(await desktop.text('确认这次求助已处置？').isVisible()).toBe(true);
  await desktop.tap('.confirm-dialog__confirm');
  await desktop.page.waitForFunction(
    () => document.querySelector('#staff-help-call')?.getAttribute('data-status') === 'closed',
    undefined,
    {
      timeout: 30_000,
    },
  );
  expect(await desktop.find('#help-trace').textContent()).toMatch(/赵丽（网格员）已处置：已到场，老人摔倒无大碍，已联系家属/);
  await desktop.shot('staff-closed');
  expect(phone.pageErrors).toEqual([]);
  expect(desk.pageErrors).toEqual([]);
});

/** How many help shots are in artifacts/ now: the next one of either person continues the numbering. */
async function shotsSoFar(): Promise<number> {
  return readdirSync(artifactsDir).filter((name) => /^help-\d+-.*\.png$/.test(name)).length;
}
