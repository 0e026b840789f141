/**
 * The closed loop in a browser (issue 4): a resident scans into a grid and reports a problem with a photo
 * and a location, choosing from the categories the catalog call serves; it is routed to the grid
 * containing the location, which the success page names; her report shows the photo itself; the grid
 * worker accepts it; the resident's points rise by the category's value and her timeline shows each
 * step. An informant reports in a grid he is approved for and, once it is accepted, his money rises by
 * the category's fen. A neighbour reports the same hazard; the grid worker turns it down as a duplicate
 * (picking the original among the near reports of its category),
 * and the neighbour reads 不予受理 and why, with no points. Screenshots of every step go to
 * artifacts/e2e-NN-*.png.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import tcb from '@cloudbase/node-sdk';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { projectionFor } from '../../client/src/local/pages/map-picker/projection';
import { shapesOf } from '../../client/src/local/lib/grid-map-data';
import { gcj02ToWgs84 } from '../../client/src/device/wgs84-to-gcj02';
import { artifactsDir, launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { categoryCount, categoryValues, gridContaining, placeName } from './helpers/geo';
import { H5App } from './helpers/h5-page';
import { h5Dir, startLocalStack, type LocalStack } from './helpers/local-stack';

const PLACE: [number, number] = [111.587499, 33.796931]; // inside 城关社区第3网格 (data/demo-county/README.md)
const CATEGORY = 'XFYH'; // 消防隐患

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;
let photoFile: string;
/** 张秀兰's report of the first test, which the third one's report repeats. */
let firstReportId: string | undefined;

beforeAll(async () => {
  // Numbered shots of an earlier run would sit between this run's and tell another story.
  mkdirSync(artifactsDir, { recursive: true });
  for (const file of readdirSync(artifactsDir, { withFileTypes: true })) {
    if (file.isFile() && /^e2e-\d+-.*\.png$/.test(file.name)) rmSync(join(artifactsDir, file.name));
  }
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  const [lng, lat] = gcj02ToWgs84(...PLACE);
  browser = await launchMobileBrowser(stack.webUrl, { geolocation: { longitude: lng, latitude: lat } });
  app = new H5App(browser.page, stack.webUrl);
  photoFile = join(mkdtempSync(join(tmpdir(), 'pingan-photo-')), 'photo.png');
  writeFileSync(photoFile, await QRCode.toBuffer('楼道堆物照片', { width: 320 }));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function balance(selector: string): Promise<number> {
  await app.open('pages/points/index');
  await app.text('爱心积分').waitFor();
  const card = app.page.locator(selector).filter({ visible: true });
  return (await card.count()) === 0 ? 0 : Number(await card.first().getAttribute('data-value'));
}

/** Taps the map picker at a GCJ-02 point, through the same projection the page draws with. */
async function tapMapAt(point: [number, number]): Promise<void> {
  const grids = shapesOf(JSON.parse(readFileSync(join(h5Dir, 'local/regions.geojson'), 'utf8')).features).filter((s) => s.level === 'grid');
  const [x, y] = projectionFor(grids).toSvg(point);
  const svg = app.find('#grid-map');
  await svg.scrollIntoViewIfNeeded();
  const screen = await svg.evaluate(
    (el, [sx, sy]) => {
      const m = (el as SVGSVGElement).getScreenCTM()!;
      const p = new DOMPoint(sx, sy).matrixTransform(m);
      return { x: p.x, y: p.y };
    },
    [x, y] as const,
  );
  await app.page.mouse.click(screen.x, screen.y);
}

type Submitted = { reportId: string; routedTo: string; routedText: string; reward: string };

async function submitReport(options: { text: string; photo: boolean; location: 'map' | 'device' }): Promise<Submitted> {
  // The choices come from the catalog call, not from a copy in the bundle.
  await app.find(`#category-${CATEGORY}`).waitFor();
  expect(await app.page.locator('#category-field [role="radio"]').filter({ visible: true }).count()).toBe(categoryCount());
  await app.tap(`#category-${CATEGORY}`);
  await app.find('#category-terms').waitFor();
  const reward = (await app.find('#category-reward').innerText()).trim();
  await app.find('#report-text textarea').fill(options.text);
  if (options.photo) {
    const [chooser] = await Promise.all([app.page.waitForEvent('filechooser'), app.tap('#add-photo')]);
    await chooser.setFiles(photoFile);
    await app.text('已上传').waitFor();
  }
  if (options.location === 'map') {
    await app.tap('#location-map', 'local/pages/map-picker/index');
    await tapMapAt(PLACE);
    await app.text(/您选的位置在：城关社区第3网格/).waitFor();
    await app.shot('map-picker');
    await app.tap('#confirm-location', 'pages/report-new/index');
  } else {
    await app.tap('#location-device');
    await app.text('我现在的位置').waitFor();
  }
  await app.find('#chosen-location').waitFor();
  await app.shot('report-form');
  await app.tap('#submit-report');
  await app.find('#submitted').waitFor({ timeout: 30_000 });
  const routedTo = (await app.find('#routed-owner').getAttribute('data-owner-code')) ?? '';
  const routedText = (await app.find('#routed-owner').innerText()).trim();
  await app.shot('report-submitted');
  await app.tap('#open-report', 'pages/report/index');
  const reportId = new URLSearchParams(browser.page.url().split('?')[1]).get('id') ?? '';
  return { reportId, routedTo, routedText, reward };
}

/** Waits until the report's first photo has loaded as a real image (not a numbered tile). */
async function photoThumbnail() {
  const image = app.find('.report-photos__photo img');
  await image.waitFor();
  await image.evaluate((img: HTMLImageElement) =>
    img.complete ? undefined : new Promise((done) => img.addEventListener('load', done, { once: true })),
  );
  return image;
}

async function acceptAsGridWorker(reportId: string): Promise<void> {
  await app.signInAs(demoOpenid('赵丽'));
  await app.tap('#action-inbox', 'staff/pages/inbox/index');
  const card = app.find(`[data-report-id="${reportId}"]`);
  await card.waitFor();
  await app.shot('inbox');
  await card.click();
  await app.find('#accept-report').waitFor();
  await app.shot('case-before-accept');
  await app.tap('#accept-report');
  await app.find('#report-status[data-status="accepted"]').waitFor();
  await app.shot('case-accepted');
}

test('张秀兰 scans into her grid, reports with a photo and a place, 赵丽 accepts, her points rise', async () => {
  const value = categoryValues(CATEGORY);
  await app.signInAs(demoOpenid('张秀兰'));
  await app.shot('home-zhang');
  const pointsBefore = await balance('#point-balance');

  // 扫码入格: the grid's QR code carries a link to the scan page; a phone camera opens it.
  await app.open('local/pages/grid-codes/index');
  await app.find('#grid-410399001001-03').waitFor();
  await app.shot('grid-codes');
  const link = (await app.find('#grid-410399001001-03 .grid-codes__url').innerText()).trim();
  await browser.page.goto(link);
  await app.find('#joined').waitFor();
  expect(await app.find('#joined').innerText()).toContain('城关社区第3网格');
  await app.shot('scanned-in');

  await app.tap('#report-here', 'pages/report-new/index');
  const { reportId, routedTo, routedText, reward } = await submitReport({
    text: '3号楼楼道里堆满纸箱，挡住了消防通道',
    photo: true,
    location: 'map',
  });
  expect(reward).toBe(`核实有效后可得 ${value.residentPoints} 爱心积分。`);
  firstReportId = reportId;
  const detailText = await app.find('.report-detail').innerText();
  // A resident reads the place by name, never its coordinates (issue 9 item 7): the grid holding the point tapped.
  const expectedGrid = gridContaining(PLACE);
  expect(expectedGrid).toBe('410399001001-03');
  expect(routedTo).toBe(expectedGrid);
  expect(routedText).toBe(`已分派到 ${placeName(expectedGrid!)}`);
  expect(detailText).toContain(`位置：${placeName(expectedGrid!)}`);
  expect(detailText).not.toMatch(/经度|纬度/);
  // The report keeps its owner's name: the detail names it, not the code.
  expect(detailText).toContain(`办理单位：${placeName(expectedGrid!)}`);
  // The photo itself, through a temporary URL the function made, served at this page's origin.
  // It was uploaded into the draft's own folder (uploadSlot), the only place submitReport takes photos from.
  const thumbnail = await photoThumbnail();
  expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  expect(await thumbnail.getAttribute('src')).toMatch(/^\/storage\/file\/uploads\/report\/[0-9a-f]{32}\/1-[0-9a-z]{8}\.(png|jpg)\?/);
  expect(detailText).not.toContain('照片 1');
  await app.shot('detail-submitted');
  await thumbnail.click();
  const preview = app.find('.preview-image');
  await preview.waitFor();
  await app.shot('photo-preview');
  await preview.click();
  await preview.waitFor({ state: 'detached' });

  await acceptAsGridWorker(reportId);

  await app.signInAs(demoOpenid('张秀兰'));
  expect(await balance('#point-balance')).toBe(pointsBefore + value.residentPoints);
  await app.shot('points-zhang');
  await app.open(`pages/report/index?id=${reportId}`);
  await app.find('[data-event="accepted"]').waitFor();
  const steps = await browser.page
    .locator('.timeline__item')
    .filter({ visible: true })
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-event')));
  expect(steps).toEqual(['submitted', 'accepted']);
  await app.shot('timeline-zhang');
  await app.open('pages/my-reports/index');
  await app.find(`[data-report-id="${reportId}"]`).waitFor();
  expect(await app.find(`[data-report-id="${reportId}"] .report-card__owner`).innerText()).toBe(
    `办理单位：${placeName('410399001001-03')}`,
  );
  await app.shot('my-reports-zhang');
  expect(browser.pageErrors).toEqual([]);
});

test('李明 reports in a grid he is approved for; once accepted his money rises by the category’s fen', async () => {
  const value = categoryValues(CATEGORY);
  await app.signInAs(demoOpenid('李明'));
  const fenBefore = await balance('#fen-balance');
  await app.open('pages/report-new/index');
  const { reportId, routedTo, reward } = await submitReport({ text: '小区东门灭火器过期了', photo: false, location: 'device' });
  expect(routedTo).toBe('410399001001-03');
  expect(reward).toBe(
    `核实有效后，在您负责的网格奖励 ${(value.informantPointsFen / 100).toFixed(2)} 元，其他地方得 ${value.residentPoints} 爱心积分。`,
  );

  await acceptAsGridWorker(reportId);

  await app.signInAs(demoOpenid('李明'));
  expect(await balance('#fen-balance')).toBe(fenBefore + value.informantPointsFen);
  await app.shot('points-li');
  expect(browser.pageErrors).toEqual([]);
});

test('赵丽 turns down 王桂英’s report as a duplicate of 张秀兰’s: her timeline says 不予受理 and why, and she earns nothing', async () => {
  expect(firstReportId).toBeDefined(); // the first test's report, which this one repeats
  const wang = demoOpenid('王桂英');
  await app.signInAs(wang);
  const pointsBefore = await balance('#point-balance');
  await app.open('pages/report-new/index');
  const { reportId } = await submitReport({ text: '3号楼楼道纸箱堆着，过不去人', photo: false, location: 'device' });

  await app.signInAs(demoOpenid('赵丽'));
  await app.tap('#action-inbox', 'staff/pages/inbox/index');
  await app.find(`[data-report-id="${reportId}"]`).click();
  await app.tap('#start-reject');
  await app.tap('#reason-duplicate');
  // No id to type: the reports of the category near this one come as cards, nearest first — 李明's
  // (reported from the same spot) and 张秀兰's, which is the one this repeats.
  const original = app.find(`#candidate-${firstReportId}`);
  await original.waitFor();
  const cards = await browser.page.locator('.duplicate-picker__card').filter({ visible: true }).allInnerTexts();
  expect(cards).toHaveLength(2);
  expect(cards.every((card) => /相距 \d+ 米|就在同一位置/.test(card))).toBe(true);
  const card = await original.innerText();
  expect(card).toContain('3号楼楼道里堆满纸箱，挡住了消防通道');
  expect(card).toContain('上报人：张秀兰');
  expect(card).toContain('办理单位：城关社区第3网格');
  expect(card).toContain('已受理');
  await original.click();
  expect(await original.getAttribute('aria-checked')).toBe('true');
  await app.shot('duplicate-candidates');
  const note = '张秀兰已经报过这处纸箱，我们一并处理，谢谢您。';
  await app.find('#reject-note textarea').fill(note);
  await app.shot('reject-form');
  // 不予受理 cannot be taken back: the form asks once more, saying what the reporter will read.
  await app.tap('#confirm-reject');
  const dialog = app.find('.confirm-dialog');
  await dialog.waitFor();
  const asked = await dialog.innerText();
  expect(asked).toContain('确定不予受理吗？');
  expect(asked).toContain('原因：别人已经报过了');
  expect(asked).toContain('重复的上报：“3号楼楼道里堆满纸箱，挡住了消防通道”');
  expect(asked).not.toContain(firstReportId!);
  expect(asked).toContain(`说明：${note}`);
  await app.shot('reject-dialog');
  await app.tap('.confirm-dialog .confirm-dialog__confirm');
  await app.find('#report-status[data-status="rejected"]').waitFor();
  await dialog.waitFor({ state: 'hidden' });
  await app.shot('case-rejected');

  await app.signInAs(wang);
  await app.open(`pages/report/index?id=${reportId}`);
  await app.find('[data-event="rejected"]').waitFor();
  const steps = await browser.page
    .locator('.timeline__item')
    .filter({ visible: true })
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-event')));
  expect(steps).toEqual(['submitted', 'rejected']);
  const rejected = await app.find('[data-event="rejected"]').innerText();
  expect(rejected).toContain('不予受理');
  expect(rejected).toContain('赵丽');
  expect(rejected).toContain(note);
  expect(rejected).toContain('原因：别人已经报过了');
  expect(await app.find('.report-detail').innerText()).toContain('不予受理的原因：别人已经报过了');
  expect(await app.find('#report-status').innerText()).toBe('未受理');
  await app.shot('timeline-rejected');

  // No points: not in her balance, and no award in the ledger at all (not even a zero one).
  expect(await balance('#point-balance')).toBe(pointsBefore);
  const award = await tcb.init({ env: stack.cloud.envId }).database().collection('pointsLedger').doc(`award:${reportId}`).get();
  expect(award.data).toEqual([]);
  await app.shot('points-wang');
  expect(browser.pageErrors).toEqual([]);
});

test('the browser build carries no copy of the categories file: the form reads them from the catalog call', () => {
  const scripts = readdirSync(join(h5Dir, 'js')).map((file) => readFileSync(join(h5Dir, 'js', file), 'utf8'));
  expect(scripts.length).toBeGreaterThan(0);
  // Keys only the categories file has (a category's duplicate-search radius, the daily cap).
  expect(scripts.some((js) => js.includes('duplicateRadiusM') || js.includes('dailyCapFen'))).toBe(false);
});
