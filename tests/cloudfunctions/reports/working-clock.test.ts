import { join } from 'node:path';
import { seedDemoCounty } from '../../../tools/seed/seed';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';

/**
 * A report in a category whose clocks count working hours gets the deadline the work calendar says, and
 * keeps it: submitReport and acceptReport run in this process (so that this test can set the clock they
 * read) through the real SDK against a local cloud seeded with the demo county.
 */
const sh = (date: string, clock: string) => Date.parse(`${date}T${clock}:00+08:00`);
/** Friday 2026-11-27, 19:00 in Shanghai: the office closed at 17:30 and opens again on Monday. */
const FRIDAY_EVENING = sh('2026-11-27', '19:00');
const RESIDENT = 'o-demo-resident-01'; // 张秀兰, grid 410399001001-03
const GRID_WORKER = 'o-demo-grid-worker-03'; // 赵丽, 410399001001-03
const IN_GRID = [111.587499, 33.796931]; // inside 410399001001-03

type Stored = { deadlineAt: number; redAt: number; terms: { calendar?: { holidays: string[]; workdays: string[] } } };

let testCloud: TestCloud;
let submitReport: (event: unknown) => Promise<{ ok: boolean; data?: { report: { id: string } } }>;
let acceptReport: (event: unknown) => Promise<{ ok: boolean }>;

beforeAll(async () => {
  testCloud = await startTestCloud({ databaseFile: join(__dirname, '../../../database/collections.json') });
  await seedDemoCounty({ envId: testCloud.cloud.envId });
  // Loaded after the SDK is pointed at this cloud (platform/sdk.ts initialises it on load).
  submitReport = (await import('../../../cloudfunctions/src/functions/submitReport/index')).main as never;
  acceptReport = (await import('../../../cloudfunctions/src/functions/acceptReport/index')).main as never;
}, 120_000);
afterAll(async () => {
  jest.useRealTimers();
  await testCloud?.stop();
});

/** Runs a function as `openid` with the clock it reads (new Date()) set to `at`; nothing else is faked. */
async function callAt<T>(at: number, openid: string, call: () => Promise<T>): Promise<T> {
  Object.assign(process.env, { WX_OPENID: openid, WX_APPID: 'wx-test-appid', WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID' });
  jest.useFakeTimers({
    now: at,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
  try {
    return await call();
  } finally {
    jest.useRealTimers();
  }
}

async function submitted(categoryCode: string, key: string): Promise<string> {
  const answer = await callAt(FRIDAY_EVENING, RESIDENT, () =>
    submitReport({
      categoryCode,
      text: '小区门口垃圾堆了三天没人清理',
      photos: [],
      anonymous: false,
      idempotencyKey: key,
      location: IN_GRID,
    }),
  );
  if (!answer.ok || !answer.data) throw new Error(`submitReport answered ${JSON.stringify(answer)}`);
  return answer.data.report.id;
}

async function stored(id: string): Promise<Stored> {
  return ((await testCloud.sdk().database().collection('reports').doc(id).get()) as unknown as { data: Stored }).data;
}

describe('a working-hours category submitted on a Friday evening', () => {
  it('is due two working hours into Monday, turns red 24 working hours later, and keeps the calendar from that day on', async () => {
    const id = await submitted('HJWS', 'working-clock-hjws-0001'); // 环境卫生: accept 2 h, red 24 h after, working hours
    const doc = await stored(id);
    expect(new Date(doc.deadlineAt).toISOString()).toBe(new Date(sh('2026-11-30', '10:30')).toISOString());
    // 24 working hours from Monday 10:30: 5 on Monday, 7 on Tuesday and Wednesday, 5 on Thursday (08:30–12:00, 14:00–15:30).
    expect(new Date(doc.redAt).toISOString()).toBe(new Date(sh('2026-12-03', '15:30')).toISOString());
    expect(doc.terms.calendar?.holidays).toContain('2027-02-05');
    expect(doc.terms.calendar?.holidays).not.toContain('2026-10-01');
  });

  it('counts natural hours for an urgent category: 治安线索 is due an hour later, Friday 20:00', async () => {
    const doc = await stored(await submitted('ZAXS', 'working-clock-zaxs-0001'));
    expect(doc.deadlineAt).toBe(sh('2026-11-27', '20:00'));
    expect(doc.terms).not.toHaveProperty('calendar');
  });

  it('keeps its clock when the calendar is edited later: the handling deadline counts the calendar it was submitted under', async () => {
    const id = await submitted('HJWS', 'working-clock-hjws-0002');
    // An admin makes Tuesday a holiday after the report was made; the report's clock must not move.
    await testCloud
      .sdk()
      .database()
      .collection('settings')
      .doc('workCalendar')
      .update({ data: { holidays: ['2026-12-01'] } });
    const answer = await callAt(sh('2026-11-30', '09:00'), GRID_WORKER, () => acceptReport({ reportId: id }));
    expect(answer).toMatchObject({ ok: true });
    // 24 working hours from Monday 09:00 (HJWS handles within 24): 6.5 on Monday, 7 Tuesday and Wednesday, 3.5 Thursday.
    expect((await stored(id)).deadlineAt).toBe(sh('2026-12-03', '12:00'));
  });
});
