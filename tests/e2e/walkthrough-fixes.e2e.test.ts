/**
 * Issue 13's smaller walk-through findings, in the browser: the sign-in picker's search (140 people); 打电话
 * with the number on the line, a tel: link and 复制号码; the report form with no red before any input, a long
 * saved text shown from its start, and no console error on submit (Taro's Button `loading` made Stencil throw
 * `insertBefore`); the disabled outlined 确认不予受理 with its words visible; a reporter whose report was
 * turned down as a duplicate opening the one it repeated. Shots at 390×844 (and the sign-in at 320×568 with
 * 200 % text): artifacts/walkthrough-NN-<step>.png.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const WORKER = 'o-demo-grid-worker-03'; // 赵丽, 13800000053
const IN_GRID = [111.587499, 33.796931]; // inside 410399001001-03

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;
let keys = 0;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^walkthrough-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  await browser.page.setViewportSize({ width: 390, height: 844 });
  app = new H5App(browser.page, stack.webUrl, 'walkthrough');
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function act(name: string, event: Record<string, unknown>, openid: string): Promise<string> {
  const answer = (await stack.cloud.functions.invoke(name, event, { openid })) as {
    ok: boolean;
    data?: { report?: { id: string } };
    code?: string;
  };
  if (!answer.ok) throw new Error(`${name} answered ${answer.code}`);
  return answer.data?.report?.id ?? '';
}

const submit = (openid: string, text: string, categoryCode = 'HJWS') =>
  act(
    'submitReport',
    { categoryCode, text, photos: [], location: IN_GRID, anonymous: false, idempotencyKey: `e2e-walk-${++keys}` },
    openid,
  );

const visible = (selector: string) => browser.page.locator(selector).filter({ visible: true }).count();

it('finds 赵丽 among the county’s 140 by typing her grid and role in the sign-in picker', async () => {
  await app.open('local/pages/signin/index');
  await app.find('#signin-o-demo-resident-01').waitFor();
  expect(await visible('.signin__user')).toBeGreaterThan(100);
  // Every community has a 第3网格: the community's name narrows it to 城关's two 网格员.
  await app.find('#signin-search input').fill('第3网格 网格员');
  await app.find('#signin-o-demo-grid-worker-03').waitFor();
  expect(await visible('.signin__user')).toBe(8);
  await app.find('#signin-search input').fill('城关社区第3网格 网格员');
  await browser.page.waitForFunction(() => document.querySelectorAll('.signin__user').length === 2);
  expect(await app.find('#signin-o-demo-grid-worker-03').innerText()).toContain('城关社区第3网格');
  await app.shot('signin-search');
  await browser.page.setViewportSize({ width: 320, height: 568 });
  const rootPx = await browser.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  await app.shot('signin-search-320-200-percent-text');
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx}px !important; }` });
  await browser.page.setViewportSize({ width: 390, height: 844 });
  await app.tap('#signin-o-demo-grid-worker-03', 'pages/home/index');
  expect(browser.pageErrors).toEqual([]);
}, 120_000);

it('shows 赵丽’s number on 张秀兰’s grid card, as a tel: link she can also copy', async () => {
  await app.signInAs(demoOpenid('张秀兰'));
  const call = app.find('#my-grid [aria-label="给网格员赵丽打电话"]');
  await call.waitFor();
  expect(await call.getAttribute('href')).toBe('tel:13800000053');
  expect(await app.find('#my-grid').innerText()).toContain('13800000053');
  const copy = app.find('#my-grid .call-button__copy');
  await copy.click();
  await app
    .find('#my-grid')
    .getByText(/号码已复制|号码已选中/)
    .first()
    .waitFor();
  await app.shot('grid-card-numbers');
  expect(browser.pageErrors).toEqual([]);
}, 120_000);

it('says nothing in red before a word is typed, shows a long draft from its start, and submits with no console error', async () => {
  const consoleErrors: string[] = [];
  browser.page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) consoleErrors.push(message.text());
  });
  await app.open('pages/report-new/index');
  await app.find('#submit-report').waitFor();
  expect(await visible('.report-new__problem')).toBe(0);
  await app.shot('report-form-untouched');

  const long = Array.from({ length: 30 }, (_, i) => `第${i + 1}行：3号楼楼道里堆了很多纸箱，挡住了消防通道。`).join('\n');
  await app.find('#report-text textarea').fill(long);
  await app.open('pages/report-new/index');
  const box = app.find('#report-text textarea');
  await box.waitFor();
  await browser.page.waitForFunction(() => (document.querySelector('#report-text textarea') as HTMLTextAreaElement | null)?.value.length);
  await browser.page.waitForTimeout(500);
  const scroll = await box.evaluate((el: HTMLTextAreaElement) => ({ top: el.scrollTop, height: el.scrollHeight, shown: el.clientHeight }));
  expect(scroll.height).toBeGreaterThan(scroll.shown); // long enough to scroll
  expect(scroll.top).toBe(0);
  await app.shot('report-form-long-draft');

  await app.tap('#submit-report'); // no category yet: now the hints
  await app.find('.report-new__problem').waitFor();
  expect(await app.find('.report-new__submit').innerText()).toContain('请选择问题类别');
  await app.shot('report-form-hints-after-tap');
  await app.tap('#category-HJWS');
  consoleErrors.length = 0;
  await app.tap('#submit-report');
  await app.text('上报成功').waitFor({ timeout: 30_000 });
  expect(consoleErrors).toEqual([]);
  expect(browser.pageErrors).toEqual([]);
}, 180_000);

it('keeps the words of a disabled outlined button: 确认不予受理 before a reason is picked', async () => {
  const report = await submit(demoOpenid('王桂英'), '小区东门路灯不亮');
  await app.signInAs(WORKER);
  await app.open(`staff/pages/case/index?id=${report}`);
  await app.tap('#start-reject');
  const button = app.find('#confirm-reject');
  await button.waitFor();
  expect(await button.getAttribute('class')).toContain('big-button--disabled');
  const colours = await button.evaluate((el) => ({ text: getComputedStyle(el).color, back: getComputedStyle(el).backgroundColor }));
  expect(colours.text).toBe('rgb(179, 38, 30)'); // $color-danger, faded by the button's opacity
  expect(colours.back).toBe('rgb(255, 255, 255)');
  await app.shot('reject-disabled-outlined');
  expect(browser.pageErrors).toEqual([]);
}, 120_000);

it('lets 王桂英 open the report hers repeated once it was turned down as a duplicate', async () => {
  const original = await submit(demoOpenid('张秀兰'), '5号楼门口井盖松动');
  const duplicate = await submit(demoOpenid('王桂英'), '5号楼前面井盖踩上去晃');
  await act('rejectReport', { reportId: duplicate, reason: 'duplicate', duplicateOf: original, note: '已有人反映，一并处理' }, WORKER);
  await app.signInAs(demoOpenid('王桂英'));
  await app.open(`pages/report/index?id=${duplicate}`);
  const link = app.find('#duplicate-of');
  await link.waitFor();
  expect(await link.getAttribute('data-report-id')).toBe(original);
  await app.shot('duplicate-link');
  await app.tap('#duplicate-of', 'pages/report/index');
  await app.find('.report-detail').getByText('5号楼门口井盖松动').waitFor();
  await app.shot('duplicate-original');
  expect(browser.pageErrors).toEqual([]);
}, 120_000);
