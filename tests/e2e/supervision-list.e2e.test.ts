/**
 * The 督办 list (issue 10) in a browser. 张秀兰 reports 消防隐患 (a natural clock: 1 h to accept, 24 h to
 * handle, red 12 h past the deadline) in grid -03 and 赵丽 accepts it, through the functions. A case turns
 * red only with time, so the test then BACKDATES it with the admin SDK: every instant the document holds
 * moves 72 h into the past — submittedAt, acceptedAt, each event's `at`, and the stored instants derived
 * from them (deadlineAt, redAt, supervisionFrom, and lightNoticeDueAt when present) — which is what the
 * functions would have written had it happened then (a natural clock is shift-invariant). Its deadline
 * passed 48 h ago and it turned red 36 h ago.
 *
 * 魏俊 (城关社区 centre) sees it on his home's 督办 tiles and in his 督办清单, opens it and leaves a 督办;
 * 赵丽's 督办待回复 rises, opens her inbox on the case, and she answers on the timeline; both counts go back.
 * Shots at 375×812, at 200 % text, and at 1280 px: artifacts/supervision-list-NN-<step>.png.
 */
import tcb from '@cloudbase/node-sdk';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { artifactsDir, launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const PLACE: [number, number] = [111.587499, 33.796931]; // inside 城关社区第3网格 (data/demo-county/README.md)
const RESIDENT = demoOpenid('张秀兰');
const WORKER = demoOpenid('赵丽');
const CENTRE = demoOpenid('魏俊');
const BACK = 72 * 3_600_000;

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^supervision-list-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'supervision-list');
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

/** 张秀兰's 消防隐患 accepted by 赵丽, then backdated 72 h (see the file's comment for every field moved). */
async function redCase(text: string): Promise<string> {
  const event = { categoryCode: 'XFYH', text, photos: [], location: PLACE, anonymous: false, idempotencyKey: `e2e-dbl-${Date.now()}` };
  const { report } = await invoke<{ report: { id: string } }>('submitReport', event, RESIDENT);
  await invoke('acceptReport', { reportId: report.id }, WORKER);
  // The stack pointed the SDK's environment at the local cloud (tools/local-stack.ts).
  const reports = tcb.init({ env: stack.cloud.envId }).database().collection('reports');
  const { data } = (await reports.doc(report.id).get()) as unknown as { data: Record<string, unknown>[] };
  const doc = data[0] as Record<string, unknown> & { events: { at: number }[] };
  const moved: Record<string, unknown> = { events: doc.events.map((step) => ({ ...step, at: step.at - BACK })) };
  for (const field of ['submittedAt', 'acceptedAt', 'deadlineAt', 'redAt', 'supervisionFrom', 'lightNoticeDueAt']) {
    if (typeof doc[field] === 'number') moved[field] = (doc[field] as number) - BACK;
  }
  // @cloudbase/node-sdk's update takes the fields themselves (wx-server-sdk's takes { data }).
  await reports.doc(report.id).update(moved);
  const { data: after } = (await reports.doc(report.id).get()) as unknown as { data: { supervisionFrom: number }[] };
  expect(after[0]?.supervisionFrom).toBeLessThan(Date.now() - 30 * 3_600_000);
  return report.id;
}

const countOf = async (id: string) => Number(await app.find(`#count-${id}`).getAttribute('data-count'));

/** Every element of the page's content fits the phone's width. */
async function fitsWidth(selector: string): Promise<void> {
  const widths = await browser.page.evaluate((inside) => {
    const boxes = [...document.querySelectorAll<HTMLElement>(`${inside} *`)].filter((el) => el.offsetParent !== null);
    return { root: document.documentElement.clientWidth, widest: Math.max(...boxes.map((el) => el.getBoundingClientRect().right)) };
  }, selector);
  expect(widths.widest).toBeLessThanOrEqual(widths.root + 0.5);
}

it('puts a red case on its community centre’s 督办 list; a 督办 there is answered by the grid worker on the timeline', async () => {
  const id = await redCase('5号楼楼道堆满纸箱，堵住了消防通道');

  await app.signInAs(CENTRE);
  await app.find('#workbench-supervision').waitFor();
  const centreBefore = { listed: await countOf('supervision-listed'), waiting: await countOf('supervision-waiting') };
  expect(centreBefore.listed).toBeGreaterThanOrEqual(1);
  expect(await countOf('supervision-red')).toBeGreaterThanOrEqual(1);
  await app.shot('centre-home');

  await app.tap('#count-supervision-listed', 'staff/pages/supervision/index');
  const row = app.find(`#supervision-${id}`);
  await row.waitFor();
  expect(await row.textContent()).toMatch(/办理单位：城关社区第3网格[\s\S]*严重超时 1天12小时[\s\S]*尚未督办/);
  await app.shot('supervision-list');

  await row.locator('.report-card').first().click();
  await app.find('#start-supervise').waitFor();
  await app.tap('#start-supervise');
  await app.find('#supervise-note textarea').fill('消防通道不能堵，请今天清理并回复');
  await app.tap('#confirm-supervise');
  await app.find('[data-event="supervised"]').waitFor({ timeout: 30_000 });

  await app.open('staff/pages/supervision/index');
  await app.find(`#supervision-${id}`).waitFor();
  expect(await app.find(`#supervision-${id}`).textContent()).toMatch(/已督办 1 次[\s\S]*1 条督办待回复/);
  await app.shot('supervision-sent');

  await app.signInAs(WORKER);
  await app.find('#workbench-supervision').waitFor();
  expect(await countOf('supervision-unanswered')).toBe(1);
  await app.shot('worker-home');
  await app.tap('#count-supervision-unanswered', 'staff/pages/inbox/index');
  await app.find('#supervision-tag').waitFor();
  await app.text('5号楼楼道堆满纸箱').waitFor();
  await app.shot('worker-inbox-unanswered');

  await app.open(`staff/pages/case/index?id=${id}`);
  await app.text('上级督办待回复').waitFor();
  await app.tap('#start-answerSupervision');
  await app.find('#answerSupervision-note textarea').fill('已清理纸箱，通道已畅通');
  await app.tap('#confirm-answerSupervision');
  await app.find('[data-event="supervision_answered"]').waitFor({ timeout: 30_000 });
  await app.shot('answered');

  await app.open('pages/home/index');
  await app.find('#workbench-supervision').waitFor();
  expect(await countOf('supervision-unanswered')).toBe(0);

  await app.signInAs(CENTRE);
  await app.find('#workbench-supervision').waitFor();
  expect(await countOf('supervision-waiting')).toBe(centreBefore.waiting);
  await app.tap('#count-supervision-listed', 'staff/pages/supervision/index');
  // Still red, so still listed: 督办 once, answered.
  expect(await app.find(`#supervision-${id}`).textContent()).toMatch(/已督办 1 次/);
  expect(await app.find(`#supervision-${id}`).textContent()).not.toMatch(/待回复/);

  // 200 % text (关怀模式): Taro's H5 sizes in rem from the root's font size, so an important rule doubles it.
  const rootPx = await browser.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  await fitsWidth('.staff-supervision');
  await app.shot('list-200-percent-text');
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx}px !important; }` });

  // A desktop browser: the list keeps a readable measure, centred.
  await browser.page.setViewportSize({ width: 1280, height: 800 });
  await app.open('staff/pages/supervision/index');
  await app.find(`#supervision-${id}`).waitFor();
  const box = await app.find('#staff-supervision').boundingBox();
  expect(box!.width).toBeLessThan(1000);
  await app.shot('list-desktop-1280');
  expect(browser.pageErrors).toEqual([]);
}, 240_000);
