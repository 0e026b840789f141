/**
 * The centre's 工作考核看板 (issue 10) in a desktop browser (1280×800). 刘芳 (县综治中心) opens it from her home:
 * the county's map and the trend chart are drawn, its KPI cards show what `performance` answers; she drills
 * from the county into 城关街道 on the map, then through the table into 城关社区 and 第3网格, whose case list
 * holds a case gone red (張秀兰's report, accepted, its clock moved a month back in the database), and opens
 * it on the staff case page. Also: the period and the map's colouring change, the CSV downloads, the page at
 * 1920×1080 and with its text at 200 %. Shots: artifacts/dashboard-NN-<step>.png.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { permilleText, shanghaiMonthKey } from '@pingan/shared';
import { artifactsDir, launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

const PLACE: [number, number] = [111.587499, 33.796931]; // inside 城关社区第3网格 (data/demo-county/README.md)
const RESIDENT = demoOpenid('张秀兰');
const WORKER = demoOpenid('赵丽');
const CENTRE = demoOpenid('刘芳');
const DAY = 24 * 3_600_000;
const BACK = 30 * DAY;

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;
let redCase: string;

beforeAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^dashboard-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl, { desktop: { width: 1280, height: 800 } });
  app = new H5App(browser.page, stack.webUrl, 'dashboard');
  redCase = await caseGoneRed('消防通道被杂物堵住了');
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

type Answer<T> = { ok: boolean; data?: T; code?: string };

async function invoke<T>(name: string, event: object, openid: string): Promise<T> {
  const answer = (await stack.cloud.functions.invoke(name, event, { openid })) as Answer<T>;
  if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer)}`);
  return answer.data as T;
}

/**
 * A report of 张秀兰's in grid -03, accepted by 赵丽, then a month older: every instant the document keeps is
 * moved 30 days back in the database (the functions have no clock to turn), as they would have written it
 * then (a natural clock is shift-invariant): submittedAt, acceptedAt, each event's `at`, the clock
 * (deadlineAt, redAt), the 督办 list's supervisionFrom, the sweep's lightNoticeDueAt and lightNoticed, the
 * messages' notifyDueAt, and the month of submission the trend groups by (submittedMonth).
 */
async function caseGoneRed(text: string): Promise<string> {
  const event = { categoryCode: 'XFYH', text, photos: [], location: PLACE, anonymous: false, idempotencyKey: `e2e-dash-${Date.now()}` };
  const { report } = await invoke<{ report: { id: string } }>('submitReport', event, RESIDENT);
  await invoke('acceptReport', { reportId: report.id }, WORKER);
  // The stack pointed the SDK's environment at the local cloud (tools/local-stack.ts).
  const reports = tcb.init({ env: stack.cloud.envId }).database().collection('reports');
  const { data } = (await reports.doc(report.id).get()) as unknown as { data: Record<string, unknown>[] };
  const doc = data[0] as Record<string, unknown> & { events: { at: number }[]; submittedAt: number };
  const back = (value: unknown) => (typeof value === 'number' ? value - BACK : value);
  const moved: Record<string, unknown> = {
    events: doc.events.map((step) => ({ ...step, at: step.at - BACK })),
    submittedMonth: shanghaiMonthKey(doc.submittedAt - BACK),
  };
  const instants = [
    'submittedAt',
    'acceptedAt',
    'rejectedAt',
    'resolvedAt',
    'deadlineAt',
    'redAt',
    'supervisionFrom',
    'lightNoticeDueAt',
    'notifyDueAt',
  ];
  for (const field of instants) if (typeof doc[field] === 'number') moved[field] = back(doc[field]);
  const noticed = doc.lightNoticed as Record<string, unknown> | undefined;
  if (noticed) moved.lightNoticed = Object.fromEntries(Object.entries(noticed).map(([key, value]) => [key, back(value)]));
  // @cloudbase/node-sdk's update takes the fields themselves (wx-server-sdk's takes { data }).
  await reports.doc(report.id).update(moved);
  const { data: after } = (await reports.doc(report.id).get()) as unknown as { data: { redAt: number; supervisionFrom?: number }[] };
  expect(after[0]?.redAt).toBeLessThan(Date.now() - 20 * DAY);
  expect(after[0]?.supervisionFrom).toBeLessThan(Date.now() - 20 * DAY);
  return report.id;
}

/** Waits until the page shows this unit with its map and trend chart drawn. */
async function drawnAt(code: string): Promise<void> {
  await app.find(`#dashboard[data-unit="${code}"][data-drawn="map trend"]`).waitFor({ timeout: 30_000 });
}

it('opens from the centre’s home and draws the county’s map and trend, its figures as performance answers them', async () => {
  await app.signInAs(CENTRE);
  await app.tap('#open-dashboard', 'desk/pages/dashboard/index');
  await drawnAt('410399');
  expect(await browser.page.locator('#dashboard-map svg path').count()).toBeGreaterThan(2);
  expect(await browser.page.locator('#dashboard-trend svg path').count()).toBeGreaterThan(2);
  await app.shot('county');

  // The KPI cards say what the function answers for this month (the red case was submitted a month ago).
  const now = Date.now();
  const [year, month] = shanghaiMonthKey(now).split('-').map(Number) as [number, number];
  const from = Date.UTC(year, month - 1, 1) - 8 * 3_600_000;
  const to = Date.UTC(year, month, 1) - 8 * 3_600_000;
  type Figures = { received: number; accepted: number; validReportPermille: number | null; closedPermille: number | null };
  const answer = await invoke<{ total: { figures: Figures }; rows: { code: string }[] }>(
    'performance',
    { level: 'county', code: '410399', from, to, by: 'units' },
    CENTRE,
  );
  const kpi = (key: string) => app.find(`[data-kpi="${key}"] .dashboard__kpi-value`).textContent();
  expect(await kpi('received')).toBe(String(answer.total.figures.received));
  expect(await kpi('validReportPermille')).toBe(permilleText(answer.total.figures.validReportPermille));
  expect(await kpi('closedPermille')).toBe(permilleText(answer.total.figures.closedPermille));
  // One table row per street, as the function lists them.
  const rows = await browser.page.locator('#unit-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
  expect(rows.sort()).toEqual(answer.rows.map((r) => r.code).sort());
}, 120_000);

it('colours the map by a rate and counts over the last three months', async () => {
  await app.find('#map-colouring').selectOption('closedPermille');
  await app.tap('[data-period="last3"]');
  await app.find('[data-period="last3"][aria-pressed="true"]').waitFor();
  await app.shot('rate-last3');
  // The red case (a month ago) is in the last three months: the county received at least it.
  expect(Number(await app.find('[data-kpi="received"] .dashboard__kpi-value').textContent())).toBeGreaterThanOrEqual(1);
  await app.find('#map-colouring').selectOption('light');
}, 60_000);

it('downloads the table as a CSV file for Excel', async () => {
  const [download] = await Promise.all([browser.page.waitForEvent('download'), app.tap('#download-csv')]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const bytes = readFileSync((await download.path()) as string);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM, so Excel reads UTF-8
  expect(bytes.toString('utf8')).toContain('城关街道');
}, 60_000);

it('drills from the county to the street on the map, then by the table to the community and the grid', async () => {
  // The map: a click on 城关街道's name (the region's label) opens the street.
  await browser.page.locator('#dashboard-map svg text', { hasText: '城关街道' }).first().click();
  await drawnAt('410399001');
  await expect(app.find('#dashboard-trail').textContent()).resolves.toContain('城关街道');
  await app.shot('street');

  // The table, by keyboard: the community's name is a button.
  await app.find('#unit-table button[data-code="410399001001"]').focus();
  await browser.page.keyboard.press('Enter');
  await drawnAt('410399001001');
  await app.shot('community');

  await app.tap('#unit-table button[data-code="410399001001-03"]');
  await drawnAt('410399001001-03');
  await app.find(`#grid-cases [data-report-id="${redCase}"]`).waitFor({ timeout: 30_000 });
  await expect(app.find('#dashboard-trail').textContent()).resolves.toMatch(
    /县 平安县.*镇街 城关街道.*社区 城关社区.*网格 城关社区第3网格/,
  );
  await app.shot('grid');
}, 120_000);

it('opens the red case on the staff case page', async () => {
  const card = app.find(`#grid-cases [data-report-id="${redCase}"]`);
  await expect(card.locator('.light-badge, [class*="light"]').first().getAttribute('class')).resolves.toMatch(/red/);
  await card.click();
  await app.find('#case-actions').waitFor({ timeout: 30_000 });
  expect(browser.page.url()).toContain(`staff/pages/case/index?id=${redCase}`);
  await app.shot('case');
}, 60_000);

it('fits a 1920×1080 screen, and reads at 200 % text', async () => {
  await app.open('desk/pages/dashboard/index');
  await drawnAt('410399');
  await browser.page.setViewportSize({ width: 1920, height: 1080 });
  await app.shot('county-1920');
  await browser.page.setViewportSize({ width: 1280, height: 800 });
  // Every text at twice its size, as care mode scales text (not layout): the staff pages' test does the same.
  await browser.page.evaluate(() => {
    const elements = [...document.querySelectorAll<HTMLElement>('#dashboard, #dashboard *')];
    const sizes = elements.map((el) => parseFloat(getComputedStyle(el).fontSize));
    elements.forEach((el, i) => (el.style.fontSize = `${sizes[i]! * 2}px`));
  });
  await browser.page.waitForTimeout(500);
  // Nothing wider than the window: the page wraps (the wide table scrolls inside its own frame).
  const overflow = await browser.page.evaluate(() => document.querySelector('#dashboard')!.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await app.shot('county-200');
  expect(browser.pageErrors).toEqual([]);
}, 120_000);
