/**
 * The resident's side of closing the loop (issue 9), in a browser. 张秀兰 starts a 消防隐患 report where
 * 王桂英 already reported one that 赵丽 accepted: the form lists it (我也遇到) with its status, place,
 * distance and support, and she follows it instead of filing; 赵丽 takes it, handles and resolves it and
 * 陈志强 closes it (through the functions, as staff would from their pages); 张秀兰 then reads it 已结案 with
 * each step's who and when, the reporter left unnamed, and finds it on her home under 我关注的. She withdraws a
 * fresh report of her own after the confirm, and rates a closed one 不满意 with a comment, which offers
 * 申请重新办理. Each page is shot at 375×812 and with its text at 200 %: artifacts/follow-NN-<step>.png.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gcj02ToWgs84 } from '../../client/src/device/wgs84-to-gcj02';
import { artifactsDir, launchMobileBrowser, screenshot, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const PLACE: [number, number] = [111.587499, 33.796931]; // inside 城关社区第3网格 (data/demo-county/README.md)
const NEAR: [number, number] = [111.5878, 33.79705]; // about 30 m from PLACE, inside the same grid
const CATEGORY = 'XFYH'; // 消防隐患, found by place within 50 m

const RESIDENT = demoOpenid('张秀兰');
const NEIGHBOUR = demoOpenid('王桂英');
const WORKER = demoOpenid('赵丽');
const LEADER = demoOpenid('陈志强');

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^follow-(\d+|200)-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  const [lng, lat] = gcj02ToWgs84(...PLACE);
  browser = await launchMobileBrowser(stack.webUrl, { geolocation: { longitude: lng, latitude: lat } });
  app = new H5App(browser.page, stack.webUrl, 'follow');
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

type Answer = { ok: boolean; data?: { report?: { id: string; status: string } }; code?: string };

/** A staff member's (or a resident's) move, through the function as their page would call it. */
async function as(openid: string, name: string, event: Record<string, unknown>): Promise<{ id: string; status: string }> {
  const answer = (await stack.cloud.functions.invoke(name, event, { openid })) as Answer;
  if (!answer.ok || !answer.data?.report) throw new Error(`${name}: ${JSON.stringify(answer)}`);
  return answer.data.report;
}

let keys = 0;
async function reportAs(openid: string, text: string, location: [number, number] = PLACE): Promise<string> {
  keys += 1;
  const event = {
    categoryCode: CATEGORY,
    text,
    photos: [],
    location,
    anonymous: false,
    idempotencyKey: `e2e-follow-${Date.now()}-${keys}`,
  };
  return (await as(openid, 'submitReport', event)).id;
}

/** Takes an accepted case of grid -03 to 结案: 赵丽 takes it herself, starts and resolves it; 陈志强 closes it. */
async function closeCase(reportId: string): Promise<void> {
  await as(WORKER, 'assignReport', { reportId, to: { kind: 'person', personId: 'u-grid-worker-03' } });
  await as(WORKER, 'startReport', { reportId, note: '已到现场' });
  await as(WORKER, 'resolveReport', { reportId, note: '纸箱已清走，通道畅通', photos: [], uploadKey: `proof-${reportId}` });
  await as(LEADER, 'verifyReport', { reportId, decision: 'close', note: '现场核实已整改' });
}

/**
 * A shot of the whole page as it is, then one 375×812 screen with every text at twice its size (WeChat's
 * care mode and the system font size scale text, not the layout), scrolled to `focus`: each element's
 * computed size is read first, then all are set, then put back.
 */
async function shotBoth(name: string, focus: string): Promise<void> {
  await app.shot(name);
  await app.page.evaluate(() => {
    const page = [...document.querySelectorAll<HTMLElement>('.taro_page')].find((el) => el.offsetParent !== null);
    const elements = [...(page?.querySelectorAll<HTMLElement>('*') ?? [])];
    const sizes = elements.map((el) => parseFloat(getComputedStyle(el).fontSize));
    elements.forEach((el, i) => {
      el.dataset.e2eFont = el.style.fontSize;
      el.style.fontSize = `${sizes[i]! * 2}px`;
    });
  });
  await app.find(focus).scrollIntoViewIfNeeded();
  await screenshot(app.page, `follow-200-${name}`);
  await app.page.evaluate(() => {
    for (const el of document.querySelectorAll<HTMLElement>('[data-e2e-font]')) {
      el.style.fontSize = el.dataset.e2eFont ?? '';
      delete el.dataset.e2eFont;
    }
  });
}

/** Lets the toast a move shows (1.5 s) go before a shot; nothing is asserted on time. */
const toastGone = () => app.page.waitForTimeout(1600);

const timelineText = async () => (await app.find('.timeline').innerText()).replace(/\s+/g, ' ');

it('follows a nearby open report instead of filing one, and sees it closed on its timeline', async () => {
  const original = await reportAs(NEIGHBOUR, '2号楼楼道堆满纸箱，挡住消防通道', NEAR);
  await as(WORKER, 'acceptReport', { reportId: original });

  await app.signInAs(RESIDENT);
  await app.tap('#action-report', 'pages/report-new/index');
  await app.tap(`#category-${CATEGORY}`);
  await app.tap('#location-device');
  await app.find('#nearby-reports').waitFor();
  const card = app.find(`#nearby-${original}`);
  const cardText = (await card.innerText()).replace(/\s+/g, ' ');
  expect(cardText).toContain('已受理');
  expect(cardText).toContain('地点：城关社区第3网格');
  expect(cardText).toMatch(/约 \d+ 米/);
  expect(cardText).toContain('还没有人关注');
  // Never the neighbour's name.
  expect(cardText).not.toContain('王桂英');
  await card.scrollIntoViewIfNeeded();
  await shotBoth('nearby', '#nearby-reports');

  await app.tap(`#follow-${original}`, 'pages/report/index');
  await app.find('.timeline').waitFor();
  expect(browser.page.url()).toContain(`id=${original}`);
  expect(await app.find('#follow-actions').innerText()).toContain('您关注了这件事');
  await shotBoth('followed', '#follow-actions');

  await closeCase(original);
  await app.open(`pages/report/index?id=${original}`);
  await app.find('[data-event="closed"]').waitFor();
  expect(await app.find('#report-status').innerText()).toBe('已结案');
  const steps = await timelineText();
  expect(steps).toContain('核查结案');
  expect(steps).toContain('网格长 陈志强');
  expect(steps).toContain('网格员 赵丽');
  expect(steps).toContain('纸箱已清走，通道畅通');
  // The follower reads the place by name, never the neighbour who reported it nor the coordinates.
  const page = await app.find('.report-page').innerText();
  expect(page).toContain('位置：城关社区第3网格');
  expect(page).not.toMatch(/王桂英|经度|纬度/);
  expect(page).not.toContain('提交评价');
  await shotBoth('followed-closed', '[data-event="closed"]');

  await app.open('pages/home/index');
  await app.find('#followed-reports').waitFor();
  expect(await app.find('#followed-reports').innerText()).toContain('已结案');
  await shotBoth('home-followed', '#followed-reports');
});

it('lets the reporter withdraw a report nobody has accepted, after asking once more', async () => {
  const id = await reportAs(RESIDENT, '小区门口消防栓被车挡住');
  await app.open(`pages/report/index?id=${id}`);
  await app.find('#start-withdraw').waitFor();
  await shotBoth('withdraw-offer', '#start-withdraw');
  await app.tap('#start-withdraw');
  await app.find('#confirm-withdraw-dialog').waitFor();
  await app.shot('withdraw-confirm');
  await app.find('#confirm-withdraw-dialog .confirm-dialog__confirm').click();
  await app.find('[data-event="withdrawn"]').waitFor();
  expect(await app.find('#report-status').innerText()).toBe('已撤回');
  expect(await app.page.locator('#start-withdraw').filter({ visible: true }).count()).toBe(0);
  await toastGone();
  await shotBoth('withdrawn', '[data-event="withdrawn"]');
});

it('lets the reporter rate a closed report, and after 不满意 ask once to have it done again', async () => {
  const id = await reportAs(RESIDENT, '3号楼灭火器过期了');
  await as(WORKER, 'acceptReport', { reportId: id });
  await closeCase(id);
  await app.open(`pages/report/index?id=${id}`);
  await app.find('#rate-form').waitFor();
  await shotBoth('rate-form', '#rate-form');
  await app.tap('#rate-star-2');
  expect(await app.find('#rate-word').innerText()).toBe('2 星：不满意');
  await app.find('#rate-comment textarea').fill('只换了一个，别的还是过期的');
  await app.shot('rate-chosen');
  await app.tap('#submit-rating');
  await app.find('#report-rating').waitFor();
  expect((await app.find('#report-rating').innerText()).replace(/\s+/g, ' ')).toContain('★★☆☆☆ 不满意');
  expect(await timelineText()).toContain('只换了一个，别的还是过期的');
  await app.find('#reopen-offer').waitFor();
  await toastGone();
  await shotBoth('rated', '#reopen-offer');

  await app.tap('#start-reopen');
  await app.find('#reopen-note textarea').fill('还有两个灭火器过期');
  await app.tap('#submit-reopen');
  await app.find('[data-event="reopened"]').waitFor();
  expect(await app.find('#report-status').innerText()).toBe('已办好，待核查');
  expect(await app.page.locator('#start-reopen').filter({ visible: true }).count()).toBe(0);
  await toastGone();
  await shotBoth('reopened', '[data-event="reopened"]');
  expect(browser.pageErrors).toEqual([]);
});
