/**
 * 以奖代补结算 on the desk (issue 12, the finance side) in a desktop browser (1440×900). 李明's reports earn
 * money this month (accepted by 赵丽, one reversed by 陈志强) and 刘芳 (县综治中心) adjusts it once; settleMonth
 * closes the month on its timer. 刘芳 opens the settlement page from her home: the month reads 已结算 with
 * its totals per street, per grid and per informant as the ledger sums them; she downloads the CSV (BOM, the
 * title and header lines, 李明's line and the 合计 to the fen of the ledger), opens 李明's statement and adjusts
 * it by -0.50 元 with a reason, asked once more: it lands in the next month, the settled one unchanged.
 * Shots: artifacts/settlement-NN-<step>.png.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { nextMonthKey, shanghaiMonthKey, STATEMENT_KINDS, yuanText } from '@pingan/shared';
import { artifactsDir, launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const PLACE: [number, number] = [111.587499, 33.796931]; // inside 城关社区第3网格 (data/demo-county/README.md)
const INFORMANT = demoOpenid('李明');
const WORKER = demoOpenid('赵丽');
const LEADER = demoOpenid('陈志强');
const CENTRE = 'o-demo-centre-01'; // 刘芳
const LI_MING = 'u-informant-01';
const MONTH = shanghaiMonthKey(Date.now());
const NEXT = nextMonthKey(MONTH);
const FIRST_RUN = Date.parse(`${NEXT}-01T00:00:00+08:00`);

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

type Answer<T> = { ok: boolean; data?: T; code?: string };
type Entry = { _id: string; personId: string; kind: string; amount: number };

async function invoke<T>(name: string, event: object, openid: string): Promise<T> {
  const answer = (await stack.cloud.functions.invoke(name, event, { openid })) as Answer<T>;
  if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer)}`);
  return answer.data as T;
}

let reports = 0;
async function acceptedReport(text: string): Promise<string> {
  reports += 1;
  const event = {
    categoryCode: 'XFYH',
    text,
    photos: [],
    location: PLACE,
    anonymous: false,
    idempotencyKey: `e2e-settle-${reports}-${Date.now()}`,
  };
  const { report } = await invoke<{ report: { id: string } }>('submitReport', event, INFORMANT);
  await invoke('acceptReport', { reportId: report.id }, WORKER);
  return report.id;
}

/** The month's money entries as the ledger holds them (the truth the page and the CSV must equal). */
async function ledgerMoney(monthKey: string): Promise<Entry[]> {
  const ledger = tcb.init({ env: stack.cloud.envId }).database().collection('pointsLedger');
  const { data } = (await ledger.where({ monthKey, unit: 'fen' }).limit(1000).get()) as unknown as { data: Entry[] };
  return data.filter((e) => (STATEMENT_KINDS as readonly string[]).includes(e.kind));
}
const sum = (entries: readonly Entry[]) => entries.reduce((total, e) => total + e.amount, 0);

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^settlement-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl, { desktop: { width: 1440, height: 900 } });
  app = new H5App(browser.page, stack.webUrl, 'settlement');

  // This month's money: two accepted reports of 李明's, one reversed, and an adjustment by 刘芳.
  const [first] = [await acceptedReport('消防通道堆放杂物'), await acceptedReport('楼道灭火器过期')];
  await invoke('reverseAward', { reportId: first, cause: 'duplicate', note: '与另一条重复' }, LEADER);
  await invoke(
    'adjustPoints',
    { personId: LI_MING, unit: 'fen', amount: 120, reason: '补发上月漏记的一条', key: `e2e-settle-${Date.now()}` },
    CENTRE,
  );
  // The monthly settlement on its timer: the first run locks the month, the next settles and closes it.
  for (const at of [FIRST_RUN, FIRST_RUN + 10 * 60_000]) await stack.cloud.functions.fireTimer('settleMonth', new Date(at));
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

it('opens from the centre’s home on the settled month, its totals as the ledger sums them', async () => {
  await app.signInAs(CENTRE);
  await app.tap('#open-settlement', 'desk/pages/settlement/index');
  await app.find(`#settlement[data-month="${MONTH}"][data-status="closed"]`).waitFor({ timeout: 30_000 });
  const money = await ledgerMoney(MONTH);
  expect(
    money
      .filter((e) => e.personId === LI_MING)
      .map((e) => e.kind)
      .sort(),
  ).toEqual(['adjustment', 'award', 'award', 'reversal']);
  await expect(app.find('#settlement-total').textContent()).resolves.toBe(`${yuanText(sum(money))} 元`);
  await expect(app.find(`#settlement-informants tr[data-person="${LI_MING}"]`).textContent()).resolves.toContain('李明');
  await expect(app.find('#settlement-grids tr[data-code="410399001001-03"]').textContent()).resolves.toContain('城关社区第3网格');
  await browser.page.screenshot({ path: join(artifactsDir, 'settlement-01-month-1440x900.png') });
  await app.shot('month-whole-page');
}, 120_000);

it('downloads the month’s CSV for the finance office: BOM, title, header, and totals to the fen of the ledger', async () => {
  const [download] = await Promise.all([browser.page.waitForEvent('download'), app.tap('#download-settlement-csv')]);
  expect(download.suggestedFilename()).toBe(`以奖代补结算_平安县_${MONTH}.csv`);
  const bytes = readFileSync((await download.path()) as string);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString('utf8').split('\r\n');
  expect(lines[0]).toMatch(new RegExp(`^以奖代补月度结算表,${MONTH},平安县,已结算,结算完成 `));
  expect(lines[2]).toBe(
    '信息员编号,姓名,网格,街道,奖励笔数,奖励金额(元),冲正笔数,冲正金额(元),调整金额(元),上月结转(元),本月合计(元),应付金额(元),结转下月(元)',
  );
  const money = await ledgerMoney(MONTH);
  const mine = money.filter((e) => e.personId === LI_MING);
  const liMing = lines.find((line) => line.startsWith(`${LI_MING},李明,`))?.split(',') ?? [];
  expect(liMing[10]).toBe(yuanText(sum(mine)));
  expect(liMing[8]).toBe('1.20');
  const total = lines.find((line) => line.startsWith('合计,'))?.split(',') ?? [];
  expect(total[10]).toBe(yuanText(sum(money)));
}, 60_000);

it('opens 李明’s statement and adjusts it with a reason, asked once more: it counts in the next month', async () => {
  await app.tap(`#settlement-informants tr[data-person="${LI_MING}"] button`);
  await app.find(`#settlement-statement[data-person="${LI_MING}"]`).waitFor();
  await expect(app.find('#settlement-statement').textContent()).resolves.toContain('重复上报：与另一条重复');
  await app.find('#adjust-amount').fill('-0.5');
  await app.find('#adjust-reason').fill('一条上报核实为重复，扣回');
  await app.shot('statement');
  await app.tap('#adjust-submit');
  await app.find('.confirm-dialog__confirm').waitFor();
  await expect(app.find('#adjust-confirm').textContent()).resolves.toContain('李明：-0.50 元');
  await app.shot('adjust-confirm');
  await app.tap('.confirm-dialog__confirm');
  await expect(app.find('#adjust-done').textContent()).resolves.toContain(`已调整 -0.50 元，计入 ${NEXT} 结算`);
  const next = await ledgerMoney(NEXT);
  expect(next.filter((e) => e.personId === LI_MING && e.kind === 'adjustment').map((e) => e.amount)).toEqual([-50]);
  await app.shot('adjusted');
}, 60_000);

it('gives a street centre its street’s part: its informants’ awards and reversals, no payable, no adjustment', async () => {
  await app.signInAs('o-demo-centre-03'); // 高振华, 城关街道
  await app.open('desk/pages/settlement/index');
  await app.find(`#settlement[data-month="${MONTH}"][data-status="closed"]`).waitFor({ timeout: 30_000 });
  const street = (await ledgerMoney(MONTH)).filter((e) => (e as Entry & { streetCode?: string }).streetCode === '410399001');
  await expect(app.find('#settlement-total').textContent()).resolves.toBe(`${yuanText(sum(street))} 元`);
  await expect(app.find('#settlement-informants thead').textContent()).resolves.not.toContain('应付');
  expect(await app.find('#settlement-payable').count()).toBe(0);
  await app.tap(`#settlement-informants tr[data-person="${LI_MING}"] button`);
  await app.find(`#settlement-statement[data-person="${LI_MING}"]`).waitFor();
  expect(await app.find('#adjust-form').count()).toBe(0);
  await browser.page.screenshot({ path: join(artifactsDir, 'settlement-05-street-1440x900.png') });
}, 60_000);
