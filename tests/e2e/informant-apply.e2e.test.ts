/**
 * 兼职信息员 applications (issue 12, item 1) in a browser. 李德福, a resident of grid -03, opens 申请成为信息员
 * from his home's grid card, applies for his grid with his name, mobile and a few words, and reads it 已提交;
 * 赵丽 (网格员 of -03) opens 信息员 from her home's grid links, approves him after being asked once more, and
 * he reads 已通过 (and 消息 tells him); she then removes him with words, asked once more, and he reads
 * 已取消信息员资格 with her words. Shots at 390×844, at 320×568 with 200 % text, and the staff page at
 * 1440×900: artifacts/informant-NN-<step>.png.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const GRID = '410399001001-03';
const WORKER = 'o-demo-grid-worker-03';
const APPLICANT = 'o-demo-resident-03';
const PERSON = 'u-resident-03';

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^informant-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'informant');
  await browser.page.setViewportSize({ width: 390, height: 844 });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

/** Every element of the page's content fits the window's width. */
async function fitsWidth(selector: string): Promise<void> {
  const widths = await browser.page.evaluate((inside) => {
    const boxes = [...document.querySelectorAll<HTMLElement>(`${inside} *`)].filter((el) => el.offsetParent !== null);
    return { root: document.documentElement.clientWidth, widest: Math.max(...boxes.map((el) => el.getBoundingClientRect().right)) };
  }, selector);
  expect(widths.widest).toBeLessThanOrEqual(widths.root + 0.5);
}

/** A 320×568 phone with 200 % text (关怀模式: the root font size doubled), then back to 390×844. */
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

async function invoke<T>(name: string, event: object, openid: string): Promise<T> {
  const answer = (await stack.cloud.functions.invoke(name, event, { openid })) as { ok: boolean; data?: T };
  if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer)}`);
  return answer.data as T;
}

it('李德福 applies from his grid card and 赵丽 approves him, then removes him with words', async () => {
  await app.signInAs(APPLICANT);
  await app.find('#apply-informant').waitFor({ timeout: 30_000 });
  await app.shot('home-link');
  await app.tap('#apply-informant', 'informant/pages/apply/index');
  await app.find('#informant-name').waitFor({ timeout: 30_000 });
  await app.tap('#submit-informant');
  await app.text('请写您的真实姓名').waitFor();
  await app.find('#informant-name input').fill('李德福');
  await app.find('#informant-phone input').fill('13800000121');
  await app.find('#informant-motive textarea').fill('我在小区门口修自行车，每天看着这几栋楼');
  await app.shot('apply-form');
  await onSmallPhoneWithDoubleText(async () => {
    await fitsWidth('#informant-apply');
    await app.shot('apply-form-320-200-percent-text');
  });
  await app.tap('#submit-informant');
  await app.find(`#informant-application-${GRID}[data-status="pending"]`).waitFor({ timeout: 30_000 });
  expect(await app.find(`#informant-application-${GRID}`).textContent()).toMatch(/城关社区第3网格[\s\S]*已提交，等网格员审核/);
  await app.shot('apply-pending');

  await app.signInAs(WORKER);
  await app.tap(`#open-informant-applications-${GRID}`, 'staff/pages/informant-applications/index');
  const card = app.find(`#application-${PERSON}`);
  await card.waitFor({ timeout: 30_000 });
  expect(await card.textContent()).toMatch(/李德福[\s\S]*待审核[\s\S]*13800000121[\s\S]*修自行车/);
  await app.shot('staff-pending');
  await onSmallPhoneWithDoubleText(async () => {
    await fitsWidth('#informant-applications');
    await app.shot('staff-320-200-percent-text');
  });
  await app.tap(`#approve-${PERSON}`);
  await app.find('.confirm-dialog__confirm').waitFor();
  await app.shot('staff-approve-asked');
  await app.tap('.confirm-dialog__confirm');
  await app.find(`#application-${PERSON}[data-status="approved"]`).waitFor({ timeout: 30_000 });
  expect(await app.find('#review-told').textContent()).toBe('李德福：已通过，成为本网格信息员');
  await app.shot('staff-approved');
  const person = (await stack.cloud.functions.invoke('me', {}, { openid: APPLICANT })) as { data: { roles: string[] } };
  expect(person.data.roles).toContain('informant');

  await app.signInAs(APPLICANT);
  await app.open('informant/pages/apply/index');
  await app.find(`#informant-application-${GRID}[data-status="approved"]`).waitFor({ timeout: 30_000 });
  expect(await app.find('#informant-apply-done').textContent()).toMatch(/您已是这个网格的信息员/);
  await app.shot('apply-approved');
  const { items } = await invoke<{ items: { kind: string; title: string }[] }>('myMessages', {}, APPLICANT);
  expect(items[0]).toMatchObject({ kind: 'informantApproved', title: '信息员申请已通过' });

  await app.signInAs(WORKER);
  await browser.page.setViewportSize({ width: 1440, height: 900 });
  await app.tap(`#open-informant-applications-${GRID}`, 'staff/pages/informant-applications/index');
  await app.find(`#application-${PERSON}[data-status="approved"]`).waitFor({ timeout: 30_000 });
  await app.tap(`#remove-${PERSON}`);
  await app.find(`#remove-reason-${PERSON} textarea`).fill('已搬离本网格');
  await app.tap(`#confirm-remove-${PERSON}`);
  await app.find('.confirm-dialog__confirm').waitFor();
  await app.shot('staff-remove-asked-1440');
  await app.tap('.confirm-dialog__confirm');
  await app.find(`#application-${PERSON}[data-status="removed"]`).waitFor({ timeout: 30_000 });
  await app.shot('staff-removed-1440');
  await fitsWidth('#informant-applications');
  await browser.page.setViewportSize({ width: 390, height: 844 });

  await app.signInAs(APPLICANT);
  await app.open('informant/pages/apply/index');
  const removed = app.find(`#informant-application-${GRID}[data-status="removed"]`);
  await removed.waitFor({ timeout: 30_000 });
  expect(await removed.textContent()).toMatch(/已取消信息员资格[\s\S]*网格员说：已搬离本网格/);
  await app.find('#submit-informant').waitFor();
  await app.shot('apply-removed');
  expect(browser.pageErrors).toEqual([]);
}, 300_000);
