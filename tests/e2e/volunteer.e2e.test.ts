/**
 * The volunteers' pages (issue 11) in a browser. 赵丽 (网格员 of grid -03) posts a 环境卫生整治 task for
 * tomorrow through postTask; 王建国 (the demo volunteer of grid -03) sees it in the 任务大厅 on his home,
 * claims it (接单), finds it under 我的任务, opens it with 完成 and completes it with a photo and a note.
 * 王桂英, a resident of grid -03, registers through the 网格报到 page, and 赵丽 approves her from the staff
 * home's 报到审核. Shots at 375×812 and at 200 % text: artifacts/volunteer-NN-<step>.png.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { artifactsDir, launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const GRID = '410399001001-03';
const WORKER = 'o-demo-grid-worker-03';
const VOLUNTEER = 'o-demo-volunteer-01';
const APPLICANT = 'o-demo-resident-02';

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;
let photoFile: string;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^volunteer-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  photoFile = join(mkdtempSync(join(tmpdir(), 'pingan-completion-')), 'done.png');
  writeFileSync(photoFile, await QRCode.toBuffer('打扫后的楼道', { width: 320 }));
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'volunteer');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function invoke<T>(name: string, event: object, openid: string): Promise<T> {
  const answer = (await stack.cloud.functions.invoke(name, event, { openid })) as { ok: boolean; data?: T };
  if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer)}`);
  return answer.data as T;
}

/** Tomorrow's date in Asia/Shanghai, `YYYY-MM-DD`. */
function tomorrowInShanghai(): string {
  return new Date(Date.now() + 8 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
}

/** Every element of the page's content fits the phone's width. */
async function fitsWidth(selector: string): Promise<void> {
  const widths = await browser.page.evaluate((inside) => {
    const boxes = [...document.querySelectorAll<HTMLElement>(`${inside} *`)].filter((el) => el.offsetParent !== null);
    return { root: document.documentElement.clientWidth, widest: Math.max(...boxes.map((el) => el.getBoundingClientRect().right)) };
  }, selector);
  expect(widths.widest).toBeLessThanOrEqual(widths.root + 0.5);
}

/** 200 % text (关怀模式): Taro's H5 sizes in rem from the root's font size, so an important rule doubles it. */
async function withDoubleText(run: () => Promise<void>): Promise<void> {
  const rootPx = await browser.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  try {
    await run();
  } finally {
    await browser.page.addStyleTag({ content: `html { font-size: ${rootPx}px !important; }` });
  }
}

it('王建国 claims 赵丽’s task in the 任务大厅 and completes it with a photo and a note', async () => {
  const title = `清理3号楼楼道杂物 ${Date.now() % 10_000}`;
  const posted = await invoke<{ order: { id: string } }>(
    'postTask',
    {
      idempotencyKey: `e2e-vol-${Date.now()}`,
      gridCode: GRID,
      taskKind: 'sanitation',
      title,
      address: '幸福路 3 号楼',
      note: '带上扫帚和垃圾袋',
      date: tomorrowInShanghai(),
      start: '09:00',
      end: '11:00',
    },
    WORKER,
  );
  const id = posted.order.id;

  await app.signInAs(VOLUNTEER);
  const hallCard = app.find(`#task-hall #order-${id}`);
  await hallCard.waitFor({ timeout: 30_000 });
  expect(await hallCard.textContent()).toMatch(/幸福路 3 号楼[\s\S]*服务时长 2 小时，积分 10/);
  await app.find('#service-hours').waitFor();
  await app.shot('volunteer-home');
  await withDoubleText(async () => {
    await fitsWidth('#volunteer-home');
    await app.shot('volunteer-home-200-percent-text');
    // The page is taller than a shot holds at 200 %: the volunteer's cards on their own, the tiles above hidden.
    await browser.page.addStyleTag({ content: '.home__actions, #my-grid { display: none !important; }' });
    await app.shot('volunteer-cards-200-percent-text');
    await browser.page.addStyleTag({ content: '.home__actions, #my-grid { display: flex !important; }' });
  });

  await app.tap(`#claim-${id}`);
  await app.find('#claim-told').waitFor({ timeout: 30_000 });
  await app.find(`#my-tasks #order-${id}`).waitFor({ timeout: 30_000 });
  // The hall is read again after the claim (我的任务 may come back first).
  await app.find(`#task-hall #order-${id}`).waitFor({ state: 'hidden', timeout: 30_000 });
  await app.shot('claimed');

  await app.tap(`#finish-${id}`, 'volunteer/pages/task/index');
  await app.find('#complete-form').waitFor();
  const [chooser] = await Promise.all([browser.page.waitForEvent('filechooser'), app.tap('#add-completion-photo')]);
  await chooser.setFiles(photoFile);
  await app.find('[data-photo-state="done"]').waitFor({ timeout: 30_000 });
  await app.find('#complete-note textarea').fill('楼道杂物已清理，垃圾已运走');
  await app.shot('task-before-complete');
  await withDoubleText(async () => {
    await fitsWidth('#volunteer-task');
    await app.shot('task-200-percent-text');
  });
  await app.tap('#complete-task');
  await app.find('#task-told').waitFor({ timeout: 30_000 });
  await app.find('#volunteer-task[data-status="completed"]').waitFor({ timeout: 30_000 });
  await app.shot('task-completed');

  const detail = await invoke<{ order: { status: string; steps: { type: string; note?: string; photos?: string[] }[] } }>(
    'orderDetail',
    { orderId: id },
    WORKER,
  );
  expect(detail.order.status).toBe('completed');
  const completed = detail.order.steps.find((step) => step.type === 'completed');
  expect(completed?.note).toBe('楼道杂物已清理，垃圾已运走');
  expect(completed?.photos).toHaveLength(1);

  await app.open('pages/home/index');
  // 我的任务 (myTasks) keeps it, waiting on the 确认 of whoever posted it.
  await app.find(`#my-tasks #order-${id}[data-status="completed"]`).waitFor({ timeout: 30_000 });
  expect(await app.find(`#my-tasks #order-${id}`).textContent()).toMatch(/已提交完成，等居民确认/);
  expect(await app.find(`#finish-${id}`).count()).toBe(0);
  expect(browser.pageErrors).toEqual([]);
}, 240_000);

it('王桂英 registers at 网格报到 and 赵丽 approves her from 报到审核', async () => {
  await invoke('joinGrid', { gridCode: GRID }, APPLICANT);
  await app.signInAs(APPLICANT);
  await app.tap('#action-volunteer', 'volunteer/pages/register/index');
  await app.find('#volunteer-name').waitFor();
  await app.find('#volunteer-name input').fill('王桂英');
  await app.find('#volunteer-phone input').fill('13800000120');
  await app.tap('#party-yes');
  await app.text('代办').click();
  await app.text('社情民意收集').click();
  await app.find('#volunteer-work-unit input').fill('城关镇退休教师');
  await app.shot('register-form');
  await withDoubleText(async () => {
    await fitsWidth('#volunteer-register');
    await app.shot('register-200-percent-text');
  });
  await app.tap('#submit-register');
  await app.find('#application-status[data-status="pending"]').waitFor({ timeout: 30_000 });
  await app.shot('register-pending');

  await app.signInAs(WORKER);
  await app.tap(`#open-volunteer-applications-${GRID}`, 'staff/pages/volunteer-applications/index');
  const card = app.find('#application-u-resident-02');
  await card.waitFor({ timeout: 30_000 });
  expect(await card.textContent()).toMatch(/王桂英[\s\S]*待审核[\s\S]*党员[\s\S]*代办[\s\S]*社情民意收集/);
  await app.shot('applications');
  await withDoubleText(async () => {
    await fitsWidth('#volunteer-applications');
    await app.shot('applications-200-percent-text');
  });
  await app.tap('#approve-u-resident-02');
  await app.find('.confirm-dialog__confirm').waitFor();
  await app.tap('.confirm-dialog__confirm');
  await app.find('#review-told').waitFor({ timeout: 30_000 });
  await app.find('#application-u-resident-02[data-status="approved"]').waitFor({ timeout: 30_000 });
  await app.shot('approved');

  await app.signInAs(APPLICANT);
  await app.find('#volunteer-home').waitFor({ timeout: 30_000 });
  await app.open('volunteer/pages/register/index');
  await app.find('#application-status[data-status="approved"]').waitFor({ timeout: 30_000 });
  await app.shot('register-approved');
  expect(browser.pageErrors).toEqual([]);
}, 240_000);
