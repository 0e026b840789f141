/**
 * What a resident reads when a report is refused, in the browser against the real functions (issue 7):
 * a place outside the county says so and points to 12345, and she can send the report without the place;
 * past her report limit she is told when she may report again. Screenshots go to artifacts/refusals-NN-*.png.
 */
import tcb from '@cloudbase/node-sdk';
import { gcj02ToWgs84 } from '../../client/src/device/wgs84-to-gcj02';
import { launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { demoOpenid } from './helpers/demo-users';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

// 217 m west of the county, no grid within 50 m (data/demo-county/README.md).
const OUTSIDE: [number, number] = [111.571415, 33.789997];
const JOINED_GRID = '410399001001-03'; // 王桂英's home grid, which she has joined

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;

beforeAll(async () => {
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  const [longitude, latitude] = gcj02ToWgs84(...OUTSIDE);
  browser = await launchMobileBrowser(stack.webUrl, { geolocation: { longitude, latitude } });
  app = new H5App(browser.page, stack.webUrl, 'refusals');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

async function fillReport(text: string): Promise<void> {
  await app.find('#category-HJWS').waitFor();
  await app.tap('#category-HJWS');
  await app.find('#report-text textarea').fill(text);
}

it('refuses a place outside the county with a message naming 12345, then takes the report without the place', async () => {
  await app.signInAs(demoOpenid('王桂英'));
  await app.open('pages/report-new/index');
  await fillReport('路边垃圾堆了好几天');
  await app.tap('#location-device');
  await app.text('我现在的位置').waitFor();
  await app.tap('#submit-report');
  const error = app.find('.report-new__error');
  await error.waitFor({ timeout: 30_000 });
  expect(await error.innerText()).toContain('12345');
  await app.shot('outside-county');

  // The draft is kept: she drops the place and sends it, and it goes to the grid she joined.
  expect(await app.find('#report-text textarea').inputValue()).toBe('路边垃圾堆了好几天');
  await app.text('不要位置').click();
  await app.tap('#submit-report');
  await app.find('#submitted').waitFor({ timeout: 30_000 });
  expect(await app.find('#routed-owner').getAttribute('data-owner-code')).toBe(JOINED_GRID);
});

it('tells a resident past her limit when she may report again, keeping her draft', async () => {
  // One report a day for residents: the one above used it.
  const limit = { windowMinutes: 24 * 60, perWindow: 1, perDay: 1 };
  const roomy = { windowMinutes: 10, perWindow: 100, perDay: 100 };
  await tcb
    .init({ env: stack.cloud.envId })
    .database()
    .collection('settings')
    .doc('reportRateLimits')
    .set({ resident: limit, informant: roomy, staff: roomy });
  await app.text('再报一件').click();
  await fillReport('楼道灯又不亮了');
  await app.tap('#submit-report');
  const error = app.find('.report-new__error');
  await error.waitFor({ timeout: 30_000 });
  // Which of the two is reached first depends on the hour (the window and the day start at different times).
  expect(await error.innerText()).toMatch(/请在 \d\d:\d\d 以后再试|请明天再报/);
  expect(await error.innerText()).toContain('110');
  expect(await app.find('#report-text textarea').inputValue()).toBe('楼道灯又不亮了');
  await app.shot('rate-limited');
  expect(browser.pageErrors).toEqual([]);
});
