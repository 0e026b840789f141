/**
 * 投诉建议 about the app (issue 13) in a browser. 张秀兰 opens 投诉建议 from the foot of her home, is told what the
 * form lacks, writes a 使用问题 and reads its number; 刘芳 (county centre) opens 居民对小程序的投诉建议 from her home
 * at 1440×900, finds it first (unanswered) and answers; 张秀兰 reads the answer in 消息, whose tap opens her
 * 投诉建议 with the answer under it. Shots at 390×844, 320×568 with 200 % text and 1440×900:
 * artifacts/feedback-NN-<step>.png.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const RESIDENT = 'o-demo-resident-01'; // 张秀兰
const COUNTY = 'o-demo-centre-01'; // 刘芳

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^feedback-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'feedback');
  await browser.page.setViewportSize({ width: 390, height: 844 });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Every visible element of the page's content fits the window's width. */
async function fitsWidth(selector: string): Promise<void> {
  const widths = await browser.page.evaluate((inside) => {
    const boxes = [...document.querySelectorAll<HTMLElement>(`${inside} *`)].filter((el) => el.offsetParent !== null);
    return { root: document.documentElement.clientWidth, widest: Math.max(...boxes.map((el) => el.getBoundingClientRect().right)) };
  }, selector);
  expect(widths.widest).toBeLessThanOrEqual(widths.root + 0.5);
}

/** A 320×568 phone with 200 % text (the root font size doubled), then back to 390×844. */
async function onSmallPhoneWithDoubleText(run: () => Promise<void>): Promise<void> {
  const rootPx = await browser.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await browser.page.setViewportSize({ width: 320, height: 568 });
  const doubled = await browser.page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  try {
    await run();
  } finally {
    await doubled.evaluate((el) => (el as HTMLElement).remove());
    await browser.page.setViewportSize({ width: 390, height: 844 });
  }
}

it('张秀兰 writes a 使用问题, 刘芳 answers it at her desk, and 张秀兰 reads the answer from 消息', async () => {
  await app.signInAs(RESIDENT);
  await app.find('#open-feedback').waitFor({ timeout: 30_000 });
  await app.tap('#open-feedback', 'feedback/pages/mine/index');
  await app.text('还没有提交过。').waitFor({ timeout: 30_000 });
  await app.tap('#submit-feedback');
  await app.text('请选择是投诉、建议还是使用问题').waitFor();
  await app.tap('#feedback-kind-usage');
  await app.find('#feedback-text textarea').fill('上传照片的时候一直转圈，等了两分钟也没好');
  await app.find('#feedback-phone input').fill('13800000101');
  await app.shot('form');
  await onSmallPhoneWithDoubleText(async () => {
    await fitsWidth('#feedback');
    await app.shot('form-320-200');
  });
  await app.tap('#submit-feedback');
  const sent = app.find('#feedback-sent');
  await sent.waitFor({ timeout: 30_000 });
  const reference = /JY\d{8}-[0-9A-F]{6}/.exec((await sent.textContent()) ?? '')?.[0];
  expect(reference).toBeDefined();
  await app.text('等待回复').waitFor();
  await app.shot('sent');

  await browser.page.setViewportSize({ width: 1440, height: 900 });
  await app.signInAs(COUNTY);
  await app.tap('#open-staff-feedback', 'staff/pages/feedback/index');
  const first = app.find('#staff-feedback [data-status]');
  await first.waitFor({ timeout: 30_000 });
  expect(await first.textContent()).toContain(reference);
  expect(await first.textContent()).toContain('联系电话：13800000101');
  await first.locator('textarea').fill('已转技术人员处理，新版本已经修复，请重新打开小程序再试');
  await app.shot('desk-reply');
  await first.locator('[id^="send-reply-"]').click();
  await app.text(/^已回复：已转技术人员处理/).waitFor({ timeout: 30_000 });
  await app.shot('desk-answered');
  await browser.page.setViewportSize({ width: 390, height: 844 });

  await app.signInAs(RESIDENT);
  await app.open('pages/messages/index');
  await app.text('您的使用问题有了回复').waitFor({ timeout: 30_000 });
  await app.shot('message');
  await app.text('您的使用问题有了回复').click();
  await app.text(/^县综治中心回复：已转技术人员处理/).waitFor({ timeout: 30_000 });
  await app.text('已回复').waitFor();
  await app.shot('answered');
  await onSmallPhoneWithDoubleText(async () => {
    await fitsWidth('#feedback');
    await app.shot('answered-320-200');
  });
}, 300_000);
