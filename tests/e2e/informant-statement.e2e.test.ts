/**
 * An informant's monthly statement in the browser (issue 12: item 1's informant home, item 3's 'each
 * informant sees their own statement'). 李明 reports three problems in grid -03 that 赵丽 accepts (through
 * the functions); their awards are moved back into last month (at, dayKey, monthKey: the clock cannot go
 * back). 陈志强 opens one of them on his case page and reverses its award (撤销奖励, 与别人的上报重复, with
 * words, asked once more). settleMonth fires as its timer would on the 1st and settles last month. One more
 * report of 李明's is accepted today. 李明 opens 信息员 from his home: today's money against the 20 元 cap,
 * this month so far, last month's 结算单 with every row and the figures the ledger holds, this month as
 * provisional; his reversed report's timeline says 奖励已撤销 with the cause and words. Shots at 390×844, and
 * at 320×568 with 200 % text: artifacts/informant-statement-NN-<step>.png.
 */
import tcb from '@cloudbase/node-sdk';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { STATEMENT_KINDS, monthToSettle, shanghaiMonthKey, yuanText } from '@pingan/shared';
import { artifactsDir, launchMobileBrowser, waitForTaroPage, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const IN_GRID: [number, number] = [111.587499, 33.796931]; // inside 410399001001-03 (data/demo-county/README.md)
const WORKER = 'o-demo-grid-worker-03'; // 赵丽
const LEADER = 'o-demo-grid-leader-03'; // 陈志强
const LI_MING = 'u-informant-01';
const MINUTE = 60_000;

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^informant-statement-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'informant-statement');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

type Answer<T> = { ok: true; data: T } | { ok: false; code: string };
type Entry = { _id: string; personId: string; kind: string; unit: string; amount: number; monthKey?: string };

async function act<T = Record<string, unknown>>(name: string, event: Record<string, unknown>, openid: string): Promise<T> {
  const answer = (await stack.cloud.functions.invoke(name, event, { openid })) as Answer<T>;
  if (!answer.ok) throw new Error(`${name} answered ${answer.code}`);
  return answer.data;
}

const db = () => tcb.init({ env: stack.cloud.envId }).database();

/** A report of 李明's in grid -03 accepted by 赵丽 now: its id. */
async function accepted(categoryCode: string, text: string): Promise<string> {
  const event = {
    categoryCode,
    text,
    photos: [],
    location: IN_GRID,
    anonymous: false,
    idempotencyKey: `e2e-informant-${categoryCode}-${Date.now()}`,
  };
  const { report } = await act<{ report: { id: string } }>('submitReport', event, demoOpenid('李明'));
  await act('acceptReport', { reportId: report.id }, WORKER);
  return report.id;
}

/** Moves an award into a day of last month, as if accepted then, and takes its money off today's counter. */
async function intoLastMonth(reportId: string, dayKey: string): Promise<number> {
  const ledger = db().collection('pointsLedger');
  const { data } = (await ledger.doc(`award:${reportId}`).get()) as unknown as { data: Entry[] };
  const award = data[0] as Entry;
  expect(award).toMatchObject({ unit: 'fen', personId: LI_MING });
  // @cloudbase/node-sdk's update takes the fields themselves (wx-server-sdk's takes { data }).
  await ledger.doc(award._id).update({ at: Date.parse(`${dayKey}T10:00:00+08:00`), dayKey, monthKey: dayKey.slice(0, 7) });
  return award.amount;
}

/** 李明's money counted in a month, by the ledger: what his statement must add up to. */
async function ledgerFen(monthKey: string): Promise<{ total: number; rows: number }> {
  const { data } = (await db()
    .collection('pointsLedger')
    .where({ personId: LI_MING, monthKey, unit: 'fen' })
    .limit(1000)
    .get()) as unknown as {
    data: Entry[];
  };
  const rows = data.filter((e) => (STATEMENT_KINDS as readonly string[]).includes(e.kind));
  return { total: rows.reduce((sum, e) => sum + e.amount, 0), rows: rows.length };
}

async function fitsWidth(selector: string): Promise<void> {
  const widths = await browser.page.evaluate((inside) => {
    const boxes = [...document.querySelectorAll<HTMLElement>(`${inside} *`)].filter((el) => el.offsetParent !== null);
    return { root: document.documentElement.clientWidth, widest: Math.max(...boxes.map((el) => el.getBoundingClientRect().right)) };
  }, selector);
  expect(widths.widest).toBeLessThanOrEqual(widths.root + 0.5);
}

/** A shot at 320×568 with every text at 200 %, then back to 390×844. */
async function shotAt200(name: string, selector: string): Promise<void> {
  await browser.page.setViewportSize({ width: 320, height: 568 });
  const rootPx = await browser.page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx * 2}px !important; }` });
  await fitsWidth(selector);
  await app.shot(name);
  await browser.page.addStyleTag({ content: `html { font-size: ${rootPx}px !important; }` });
  await browser.page.setViewportSize({ width: 390, height: 844 });
}

it('李明 reads last month’s statement, settled on the 1st, with a reversal in it, and this month so far', async () => {
  const now = Date.now();
  const lastMonth = monthToSettle(now);
  const thisMonth = shanghaiMonthKey(now);
  const [fire, bag, dirt] = [
    await accepted('XFYH', '小区车棚里私拉电线给电动车充电'),
    await accepted('NBJF', '楼上装修噪音天天到半夜'),
    await accepted('HJWS', '路口垃圾桶满了没人清'),
  ];
  const fen = [
    await intoLastMonth(fire, `${lastMonth}-12`),
    await intoLastMonth(bag, `${lastMonth}-15`),
    await intoLastMonth(dirt, `${lastMonth}-15`),
  ];
  expect(fen).toEqual([500, 300, 100]);
  // Today's counter held the three: it is the day's guard, so it follows the awards out of today.
  const today = new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
  await db().collection('pointsDaily').doc(`${LI_MING}:${today}`).remove();

  // 陈志强 (网格长 of -03) finds 李明's 邻里纠纷 a duplicate after all, on his case page.
  await browser.page.setViewportSize({ width: 390, height: 844 });
  await app.signInAs(LEADER);
  await app.open(`staff/pages/case/index?id=${bag}`);
  await app.tap('#start-reverseAward');
  await app.find('#reverseAward-form').waitFor({ timeout: 30_000 });
  expect(await app.find('#reverseAward-form').textContent()).toContain('已发3.00 元奖励金');
  await app.tap('#cause-duplicate');
  await app.find('#reverseAward-note textarea').fill('与张秀兰昨天的上报是同一件事');
  await app.tap('#confirm-reverseAward');
  const dialog = app.find('.confirm-dialog');
  await dialog.waitFor({ timeout: 30_000 });
  expect(await dialog.innerText()).toContain('撤销上报人因这条上报得到的3.00 元奖励金。');
  await app.shot('leader-reverse-dialog');
  await app.tap('.confirm-dialog .confirm-dialog__confirm');
  await app.text('奖励已撤销').waitFor({ timeout: 30_000 });
  await app.shot('leader-case-after');
  // The staff page on a desktop: the timeline's 奖励已撤销 and no 撤销奖励 left to press.
  await browser.page.setViewportSize({ width: 1440, height: 900 });
  expect(await app.find('#start-reverseAward').count()).toBe(0);
  await app.shot('leader-case-1440');
  await browser.page.setViewportSize({ width: 390, height: 844 });
  const { data: reversals } = (await db().collection('pointsLedger').doc(`reversal:${bag}`).get()) as unknown as { data: Entry[] };
  expect(reversals[0]).toMatchObject({ amount: -300, monthKey: lastMonth, cause: 'duplicate' });

  // The timer fires on the 1st: the first run locks the month and waits; the next ones settle it.
  const firstRun = Date.parse(`${thisMonth}-01T00:00:00+08:00`);
  const runs: { monthKey: string; status: string }[] = [];
  for (let at = firstRun; runs.at(-1)?.status !== 'closed'; at += 10 * MINUTE) {
    const run = (await stack.cloud.functions.fireTimer('settleMonth', new Date(at))) as Answer<{ monthKey: string; status: string }>;
    if (!run.ok) throw new Error(`settleMonth answered ${run.code}`);
    runs.push(run.data);
    if (runs.length > 12) throw new Error('the settlement never closed');
  }
  expect(runs.every((run) => run.monthKey === lastMonth)).toBe(true);
  const settled = await ledgerFen(lastMonth);

  // Today: one more, 市政设施损坏 (2.00 元).
  await accepted('SZSS', '人行道地砖翘起来好几块');
  const soFar = await ledgerFen(thisMonth);

  await app.signInAs(demoOpenid('李明'));
  await app.tap('#action-informant', 'informant/pages/home/index');
  await app.find('#informant-today').waitFor({ timeout: 30_000 });
  expect(await app.find('#informant-today').getAttribute('data-earned')).toBe('200');
  expect(await app.find('#informant-today').textContent()).toContain('每天上限 20.00 元，今天还能得 18.00 元。');
  expect(await app.find('#informant-month').getAttribute('data-total')).toBe(String(soFar.total));
  expect(await app.find('#informant-grids').textContent()).toMatch(/第3网格/);
  const statementCard = app.find(`#statement-${lastMonth}`);
  await statementCard.waitFor({ timeout: 30_000 });
  expect(await statementCard.textContent()).toContain(`应发 ${yuanText(Math.max(0, settled.total))} 元`);
  await app.shot('home');
  await shotAt200('home-320-200-percent-text', '.informant');

  await statementCard.click();
  await waitForTaroPage(browser.page, 'informant/pages/statement/index');
  await app.find('#statement-rows').waitFor({ timeout: 30_000 });
  expect(await app.find('#statement').getAttribute('data-settled')).toBe('yes');
  expect(await app.find('#statement-totals').getAttribute('data-total')).toBe(String(settled.total));
  expect(await app.find('#statement-total').textContent()).toBe(`${yuanText(settled.total)} 元`);
  expect(await app.find('#statement-payable').textContent()).toBe(`${yuanText(Math.max(0, settled.total))} 元`);
  expect(await app.find('#statement-rows').locator('.informant__row').count()).toBe(settled.rows);
  const rows = (await app.find('#statement-rows').textContent()) ?? '';
  expect(rows).toContain('消防隐患，信息员奖励金');
  expect(rows).toContain('邻里纠纷，与别人的上报重复，与张秀兰昨天的上报是同一件事');
  expect(rows).toContain('-3.00');
  expect(rows).toContain('+5.00');
  await app.shot('statement-last-month');
  await shotAt200('statement-320-200-percent-text', '#statement');

  await app.open(`informant/pages/statement/index?month=${thisMonth}`);
  await app.find('#statement-state').waitFor({ timeout: 30_000 });
  expect(await app.find('#statement').getAttribute('data-settled')).toBe('no');
  expect(await app.find('#statement-state').textContent()).toContain('本月至今，尚未结算');
  expect(await app.find('#statement-totals').getAttribute('data-total')).toBe(String(soFar.total));
  expect(await app.find('#statement-rows').textContent()).toContain('市政设施损坏');
  await app.shot('statement-this-month');

  // His report's timeline says why its award was taken back.
  await app.open(`pages/report/index?id=${bag}`);
  await app.text('奖励已撤销').waitFor({ timeout: 30_000 });
  const timeline = (await app.find('.timeline').textContent()) ?? '';
  expect(timeline).toContain('原因：与别人的上报重复');
  expect(timeline).toContain('与张秀兰昨天的上报是同一件事');
  await app.shot('report-timeline');

  // 我的积分: the reversal and the settlement, each saying why.
  await app.open('pages/points/index');
  await app.find('#open-informant-home').waitFor({ timeout: 30_000 });
  const ledger = (await app.find('.points__ledger').textContent()) ?? '';
  expect(ledger).toContain('与别人的上报重复：与张秀兰昨天的上报是同一件事');
  expect(ledger).toContain(`${Number(lastMonth.slice(0, 4))}年${Number(lastMonth.slice(5))}月奖励金结算`);
  await app.shot('points');
  expect(browser.pageErrors).toEqual([]);
}, 600_000);
