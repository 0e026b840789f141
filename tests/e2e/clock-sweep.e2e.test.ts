/**
 * The scheduled sweep in the browser (issue 10, "Telling people"): a report nobody takes on turns red; the
 * timer fires clockSweep at a virtual Time two months on, and 赵丽 (the grid's 网格员) finds 案件严重超时 in
 * 消息, whose tap opens the staff case page; 魏俊 (the community's centre, the level above) finds
 * 下级案件严重超时，请督办. Screenshots go to artifacts/clock-sweep-NN-*.png.
 */
import { launchMobileBrowser, waitForTaroPage, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const IN_GRID: [number, number] = [111.587499, 33.796931]; // inside 410399001001-03 (data/demo-county/README.md)
const WORKER = 'o-demo-grid-worker-03'; // 赵丽
const COMMUNITY_CENTRE = 'o-demo-centre-06'; // 魏俊, 城关社区

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'clock-sweep');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('tells the grid’s staff and the centre above, in 消息, of a case turned red; a tap opens the case', async () => {
  const submitted = (await stack.cloud.functions.invoke(
    'submitReport',
    { categoryCode: 'HJWS', text: '垃圾站门口污水横流', photos: [], location: IN_GRID, anonymous: false, idempotencyKey: 'e2e-clock-1' },
    { openid: demoOpenid('张秀兰') },
  )) as { ok: boolean; data: { report: { id: string } } };
  expect(submitted.ok).toBe(true);
  const reportId = submitted.data.report.id;
  // The timers are off in tests: fire clockSweep as its trigger would, two months on.
  const swept = (await stack.cloud.functions.fireTimer('clockSweep', new Date(Date.now() + 60 * 24 * 3_600_000))) as {
    ok: boolean;
    data: { lightNotices: number };
  };
  expect(swept).toMatchObject({ ok: true });
  expect(swept.data.lightNotices).toBeGreaterThanOrEqual(1);

  await app.signInAs(WORKER);
  await app.tap('#action-messages', 'pages/messages/index');
  await app.text('案件严重超时').waitFor({ timeout: 30_000 });
  await app.shot('worker-messages');
  await app.text('案件严重超时').click();
  await waitForTaroPage(browser.page, 'staff/pages/case/index');
  expect(browser.page.url()).toContain(`id=${reportId}`);
  await app.text('垃圾站门口污水横流').waitFor({ timeout: 30_000 });
  await app.shot('worker-case');

  await app.signInAs(COMMUNITY_CENTRE);
  await app.tap('#action-messages', 'pages/messages/index');
  await app.text('下级案件严重超时，请督办').waitFor({ timeout: 30_000 });
  await app.shot('centre-messages');
  expect(browser.pageErrors).toEqual([]);
});
