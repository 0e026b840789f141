/**
 * 消息 in the browser against the real functions (issue 9, "Telling people"): 张秀兰's reports move on —
 * one accepted, one turned down as a duplicate of 王桂英's, one resolved and closed by the grid's staff —
 * and she finds each change in 消息, the unread ones marked, the count on her home; a tap opens the
 * report and marks it read. The page is also shot at 200 % text (关怀模式) and must not overflow the
 * phone's width. Screenshots go to artifacts/messages-NN-*.png.
 */
import { launchMobileBrowser, waitForTaroPage, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const IN_GRID: [number, number] = [111.587499, 33.796931]; // inside 410399001001-03 (data/demo-county/README.md)
const WORKER = 'o-demo-grid-worker-03'; // 赵丽
const LEADER = 'o-demo-grid-leader-03'; // 陈志强

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;
let keys = 0;

beforeAll(async () => {
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'messages');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

type Answer = { ok: boolean; data?: { report?: { id: string } }; code?: string };

/** A function call as the person with this openid makes it, failing the test on an error answer. */
async function act(name: string, event: Record<string, unknown>, openid: string): Promise<string> {
  const answer = (await stack.cloud.functions.invoke(name, event, { openid })) as Answer;
  if (!answer.ok) throw new Error(`${name} answered ${answer.code}`);
  return answer.data?.report?.id ?? '';
}

const submit = (openid: string, text: string, categoryCode = 'HJWS') =>
  act('submitReport', { categoryCode, text, photos: [], location: IN_GRID, anonymous: false, idempotencyKey: `e2e-msg-${++keys}` }, openid);

it('tells 张秀兰 of each change to her reports in 消息, unread marked, and opens the report from it', async () => {
  const zhang = demoOpenid('张秀兰');
  const wang = demoOpenid('王桂英');
  const closed = await submit(zhang, '小区门口的垃圾桶满了没人清');
  await act('acceptReport', { reportId: closed }, WORKER);
  await act('assignReport', { reportId: closed, to: { kind: 'person', personId: 'u-grid-worker-03' } }, WORKER);
  await act('startReport', { reportId: closed }, WORKER);
  await act('resolveReport', { reportId: closed, note: '垃圾已清运', photos: [], uploadKey: 'e2e-msg-proof' }, WORKER);
  await act('verifyReport', { reportId: closed, decision: 'close', note: '现场已核实' }, LEADER);
  const original = await submit(wang, '3号楼楼道灯不亮');
  const duplicate = await submit(zhang, '3号楼的楼道灯坏了');
  await act('rejectReport', { reportId: duplicate, reason: 'duplicate', duplicateOf: original, note: '已有人反映' }, WORKER);
  const accepted = await submit(zhang, '路灯杆歪了');
  await act('acceptReport', { reportId: accepted, note: '已通知电力部门' }, WORKER);

  await app.signInAs(zhang);
  await app.text('5 条未读').waitFor({ timeout: 30_000 });
  await app.shot('home-unread');

  await app.tap('#action-messages', 'pages/messages/index');
  await app.find('.message-card').waitFor({ timeout: 30_000 });
  expect(await app.find('#unread-count').innerText()).toBe('5 条未读');
  const titles = await browser.page.locator('.message-card__title').filter({ visible: true }).allInnerTexts();
  expect(titles).toEqual(['您的上报已受理', '您的上报未予受理', '您的上报已结案，请评价', '您的上报已办结', '您的上报已受理']);
  expect(await app.text('去评价 ›').isVisible()).toBe(true);
  await app.shot('messages');

  // 200 % text, as WeChat's care mode and a phone's largest font do: the cards grow and wrap, never overflow.
  // Taro's H5 sizes everything in rem from the root's font size, which it sets inline on every resize (the
  // shot resizes): a stylesheet rule marked important outlasts that, and doubles every text.
  const rootPx = await browser.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  const widths = await browser.page.evaluate(() => ({
    root: document.documentElement.clientWidth,
    widest: Math.max(...[...document.querySelectorAll<HTMLElement>('.message-card')].map((el) => el.getBoundingClientRect().right)),
  }));
  expect(widths.widest).toBeLessThanOrEqual(widths.root);
  await app.shot('messages-200-percent-text');
  await browser.page.reload();
  await app.find('.message-card').waitFor({ timeout: 30_000 });

  // The duplicate's message opens the original it was merged into.
  const marked = browser.page.waitForResponse((response) => response.url().includes('/functions/markMessagesRead'));
  await app.text('您的上报未予受理').click();
  await waitForTaroPage(browser.page, 'pages/report/index');
  await marked; // before the fresh load below, which would cut it off
  expect(browser.page.url()).toContain(`id=${original}`);
  await app.open('pages/messages/index');
  await app.find('.message-card').waitFor({ timeout: 30_000 });
  expect(await app.find('#unread-count').innerText()).toBe('4 条未读');
  expect(await browser.page.locator('[aria-label="您的上报未予受理"]').filter({ visible: true }).count()).toBe(1);
  expect(browser.pageErrors).toEqual([]);
});
