/**
 * 常用语 in the browser against the real functions (issue 9): 陈志强, the 网格长 of 410399001001-03, opens
 * the grid's phrases from his home, rewrites one of 受理's and saves; the grid's staff then get it from
 * `responseTemplates`. The page is shot at 375×812 and at 200 % text (关怀模式), where nothing may be wider
 * than the phone. Screenshots go to artifacts/templates-NN-*.png.
 */
import { launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const GRID = '410399001001-03';
const LEADER = 'o-demo-grid-leader-03'; // 陈志强
const WORKER = 'o-demo-grid-worker-03'; // 赵丽

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'templates');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('lets the 网格长 rewrite a phrase of 受理 from his home, and the grid’s staff get it', async () => {
  await app.signInAs(LEADER);
  await app.tap(`#edit-templates-${GRID}`, 'staff/pages/templates/index');
  await app.find('#templates-accept').waitFor({ timeout: 30_000 });
  await app.find('#templates-accept-0 textarea').fill('已受理，今天就去现场');
  await app.find('#templates-accept-save').click();
  await app.text('已保存，本网格办案时就用这些常用语。').waitFor({ timeout: 30_000 });
  await app.shot('saved');

  const answer = (await stack.cloud.functions.invoke('responseTemplates', { gridCode: GRID }, { openid: WORKER })) as {
    data: { templates: { action: string; texts: string[]; custom: boolean }[] };
  };
  const accept = answer.data.templates.find((t) => t.action === 'accept');
  expect(accept).toMatchObject({ custom: true });
  expect(accept?.texts[0]).toBe('已受理，今天就去现场');

  // 200 % text: Taro's H5 sizes in rem from the root's font size (set inline on resize), so an important rule doubles it.
  const rootPx = await browser.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  const widths = await browser.page.evaluate(() => ({
    root: document.documentElement.clientWidth,
    widest: Math.max(
      ...[...document.querySelectorAll<HTMLElement>('.staff-templates__section *')].map((el) => el.getBoundingClientRect().right),
    ),
  }));
  expect(widths.widest).toBeLessThanOrEqual(widths.root);
  await app.shot('200-percent-text');
  expect(browser.pageErrors).toEqual([]);
});
