/**
 * Accessibility of every page of the H5 build (issue 13): each page in client/src/app.config.ts is opened as
 * a fresh load, as the demo user it is for, with the parameters it needs (VISITS), and axe-core checks it
 * as shown: no serious or critical violation. The page list comes from the app config, so a page added later
 * fails "has a visit for every page" until it is given one here. Every violation found, of any impact, is
 * written to artifacts/a11y-violations.json (page → rule → count), for the record.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations, failingViolations, type AxeViolation } from './helpers/axe';
import { artifactsDir, launchMobileBrowser, type MobileBrowser } from './helpers/browser';
import { H5App } from './helpers/h5-page';
import { startLocalStack, type LocalStack } from './helpers/local-stack';

(globalThis as unknown as { defineAppConfig: (config: unknown) => unknown }).defineAppConfig = (config) => config;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const appConfig = require('../../client/src/app.config').default as {
  pages: string[];
  subPackages: Array<{ root: string; pages: string[] }>;
};

/** Every page of the H5 build, as its route. */
const PAGES = [...appConfig.pages, ...appConfig.subPackages.flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`))];

const GRID = '410399001001-03';
const GRID_NAME = encodeURIComponent('城关社区第3网格');
const USERS = {
  resident: 'o-demo-resident-01', // 张秀兰
  informant: 'o-demo-informant-01', // 李明
  volunteer: 'o-demo-volunteer-01', // 王建国
  gridWorker: 'o-demo-grid-worker-03', // 赵丽
  gridLeader: 'o-demo-grid-leader-03', // 陈志强
  communityCentre: 'o-demo-centre-06', // 魏俊
  countyCentre: 'o-demo-centre-01', // 刘芳
} as const;
type User = keyof typeof USERS | 'nobody';

/** The subjects the pages with an id show, made through the functions before the visits. */
const subjects = { report: '', helpCall: '', order: '', task: '', service: '', slot: '' };

/** Who opens each page, and with what parameters (a function: the subjects exist only once made). */
type Visit = { user: User; query?: () => string; desktop?: boolean };
const VISITS: Record<string, Visit> = {
  'local/pages/signin/index': { user: 'nobody' },
  'pages/home/index': { user: 'resident' },
  'pages/scan/index': { user: 'resident', query: () => `grid=${GRID}` },
  'pages/report-new/index': { user: 'resident' },
  'pages/my-reports/index': { user: 'resident' },
  'pages/report/index': { user: 'resident', query: () => `id=${subjects.report}` },
  'pages/points/index': { user: 'resident' },
  'pages/messages/index': { user: 'resident' },
  'pages/help/index': { user: 'resident' },
  'market/pages/market/index': { user: 'resident' },
  'market/pages/mine/index': { user: 'resident' },
  'orders/pages/services/index': { user: 'resident' },
  'orders/pages/book/index': { user: 'resident', query: () => `service=${subjects.service}&slot=${encodeURIComponent(subjects.slot)}` },
  'orders/pages/my-orders/index': { user: 'resident' },
  'orders/pages/order/index': { user: 'resident', query: () => `id=${subjects.order}` },
  'volunteer/pages/register/index': { user: 'resident' },
  'informant/pages/apply/index': { user: 'resident' },
  'feedback/pages/mine/index': { user: 'resident' },
  'local/pages/grid-codes/index': { user: 'resident' },
  'local/pages/map-picker/index': { user: 'resident' },
  'volunteer/pages/task/index': { user: 'volunteer', query: () => `id=${subjects.task}` },
  'volunteer/pages/record/index': { user: 'volunteer' },
  'informant/pages/home/index': { user: 'informant' },
  'informant/pages/statement/index': { user: 'informant', query: () => `month=${thisMonth()}` },
  'staff/pages/inbox/index': { user: 'gridWorker' },
  'staff/pages/case/index': { user: 'gridWorker', query: () => `id=${subjects.report}` },
  'staff/pages/grid-orders/index': { user: 'gridWorker', query: () => `grid=${GRID}&name=${GRID_NAME}` },
  'staff/pages/volunteer-applications/index': { user: 'gridWorker', query: () => `grid=${GRID}&name=${GRID_NAME}` },
  'staff/pages/informant-applications/index': { user: 'gridWorker', query: () => `grid=${GRID}&name=${GRID_NAME}` },
  'staff/pages/help-call/index': { user: 'gridWorker', query: () => `id=${subjects.helpCall}` },
  'staff/pages/market/index': { user: 'gridWorker' },
  'staff/pages/templates/index': { user: 'gridLeader', query: () => `grid=${GRID}&name=${GRID_NAME}` },
  'staff/pages/grid-services/index': { user: 'communityCentre', query: () => `grid=${GRID}&name=${GRID_NAME}` },
  'staff/pages/supervision/index': { user: 'communityCentre' },
  'desk/pages/dashboard/index': { user: 'communityCentre', desktop: true },
  'staff/pages/feedback/index': { user: 'countyCentre', desktop: true },
  'desk/pages/settlement/index': { user: 'countyCentre', desktop: true },
};

/** Pages this test's change touched, shot as checked (artifacts/a11y-NN-<page>.png). */
const SHOTS = new Set(['pages/home/index', 'feedback/pages/mine/index', 'staff/pages/feedback/index', 'local/pages/map-picker/index']);

function thisMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

let stack: LocalStack;
let browser: MobileBrowser;
let app: H5App;
let signedIn: User | undefined;
const found: Record<string, AxeViolation[]> = {};

async function invoke<T>(name: string, event: object, openid: string): Promise<T> {
  const answer = (await stack.cloud.functions.invoke(name, event, { openid })) as { ok: boolean; data?: T };
  if (!answer.ok) throw new Error(`${name}: ${JSON.stringify(answer)}`);
  return answer.data as T;
}

/** A report of 张秀兰's, a help call of hers, a booked order of hers, a task 王建国 claimed, and a slot to book. */
async function makeSubjects(): Promise<void> {
  const key = `a11y-${Date.now()}`;
  const { report } = await invoke<{ report: { id: string } }>(
    'submitReport',
    {
      categoryCode: 'HJWS',
      text: '楼道里堆满了杂物',
      photos: [],
      location: [111.587499, 33.796931],
      anonymous: false,
      idempotencyKey: `${key}-r`,
    },
    USERS.resident,
  );
  subjects.report = report.id;
  const { call } = await invoke<{ call: { id: string } }>(
    'raiseHelp',
    { idempotencyKey: `${key}-h`, location: [111.587499, 33.796931] },
    USERS.resident,
  );
  subjects.helpCall = call.id;
  type Offers = { services: { serviceCode: string; upcoming: { key: string; left: number }[] }[] };
  const { services } = await invoke<Offers>('gridServices', {}, USERS.resident);
  const offered = services.find((service) => service.upcoming.some((slot) => slot.left > 1));
  const slot = offered?.upcoming.find((occurrence) => occurrence.left > 1);
  if (!offered || !slot) throw new Error('no service slot ahead');
  subjects.service = offered.serviceCode;
  subjects.slot = slot.key;
  const booking = { idempotencyKey: `${key}-o`, serviceCode: offered.serviceCode, slotKey: slot.key, address: '幸福路 3 号 2 单元 401' };
  subjects.order = (await invoke<{ order: { id: string } }>('bookService', booking, USERS.resident)).order.id;
  const tomorrow = new Date(Date.now() + 32 * 3_600_000).toISOString().slice(0, 10);
  const task = {
    idempotencyKey: `${key}-t`,
    gridCode: GRID,
    taskKind: 'sanitation',
    title: '清理楼道杂物',
    address: '幸福路 3 号楼',
    note: '',
    date: tomorrow,
    start: '09:00',
    end: '10:00',
  };
  subjects.task = (await invoke<{ order: { id: string } }>('postTask', task, USERS.gridWorker)).order.id;
  await invoke('claimOrder', { orderId: subjects.task }, USERS.volunteer);
}

beforeAll(async () => {
  stack = await startLocalStack({ buildH5: process.env.E2E_BUILD_H5 === 'never' ? 'never' : 'always' });
  browser = await launchMobileBrowser(stack.webUrl);
  app = new H5App(browser.page, stack.webUrl, 'a11y');
  await makeSubjects();
}, 300_000);

afterAll(async () => {
  mkdirSync(artifactsDir, { recursive: true });
  const summary = Object.fromEntries(
    Object.entries(found).map(([page, violations]) => [page, Object.fromEntries(violations.map((v) => [`${v.impact} ${v.id}`, v.count]))]),
  );
  writeFileSync(join(artifactsDir, 'a11y-violations.json'), `${JSON.stringify(summary, null, 2)}\n`);
  await browser?.close();
  await stack?.stop();
});

it('has a visit for every page of the app config, and none for a page it lacks', () => {
  expect(PAGES.filter((page) => !(page in VISITS))).toEqual([]);
  expect(Object.keys(VISITS).filter((page) => !PAGES.includes(page))).toEqual([]);
});

/** The page as its user sees it once loaded: signed in as them, opened fresh, the loading view gone. */
async function visit(page: string, how: Visit): Promise<void> {
  await browser.page.setViewportSize(how.desktop ? { width: 1440, height: 900 } : { width: 390, height: 844 });
  if (how.user !== 'nobody' && signedIn !== how.user) {
    await app.signInAs(USERS[how.user]);
    signedIn = how.user;
  }
  await app.open(how.query ? `${page}?${how.query()}` : page);
  await browser.page
    .waitForFunction(
      () => ![...document.querySelectorAll('.page-state[aria-busy="true"]')].some((el) => (el as HTMLElement).offsetParent !== null),
      null,
      {
        timeout: 20_000,
      },
    )
    .catch(() => undefined);
  await browser.page.waitForTimeout(800);
}

it.each(PAGES.filter((page) => page in VISITS))(
  '%s has no serious or critical violation',
  async (page) => {
    const how = VISITS[page] as Visit;
    await visit(page, how);
    const violations = await axeViolations(browser.page);
    found[page] = violations;
    if (SHOTS.has(page)) await app.shot(page.replace(/\/index$/, '').replace(/\//g, '-'));
    const failing = failingViolations(violations).map((v) => `${v.impact} ${v.id} ×${v.count}: ${v.help} — ${v.targets.join(' | ')}`);
    expect(failing).toEqual([]);
  },
  90_000,
);
