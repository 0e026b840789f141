import { serviceCreditEntry, shanghaiYear, type LedgerEntry } from '@pingan/shared';
import { DEMO, draftKey, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';
import { slotOf, uploadAt } from '../helpers/uploads';

/**
 * 我的服务记录 through the real SDK (docs/DESIGN.md, "Service orders (居民点单)"): a volunteer's services
 * credited by 确认完成, counted in the Asia/Shanghai year of their credit; another volunteer's never in it;
 * the requester's grid shown, never the requester.
 */
const GRID = '410399001001-03';
const VOLUNTEER = 'o-demo-volunteer-01'; // 王建国, u-volunteer-01, grid -03
const OTHER_VOLUNTEER = 'o-demo-volunteer-02'; // 周丽萍, grids -04 and -03
const SMLF = { minutes: 40, points: 5 }; // 上门理发, data/demo-county/services.json
const ADDRESS = '幸福路 3 号 2 单元 401';

type Figures = { minutes: number; points: number; tasks: number };
type RecordAnswer = {
  year: number;
  name: string;
  grids: { code: string; name: string }[];
  totals: Figures;
  months: (Figures & { month: number })[];
  tasks: {
    orderId: string;
    title: string;
    servedOn: string;
    creditedOn: string;
    gridCode?: string;
    gridName?: string;
    minutes: number;
    points: number;
  }[];
  issuedAt: number;
};

let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
  const slots = Array.from({ length: 7 }, (_, i) => ({ weekday: i + 1, start: '21:00', end: '21:40', capacity: 50 }));
  await cloud.data('saveGridServices', { gridCode: GRID, services: [{ serviceCode: 'SMLF', slots }] }, DEMO.gridLeader);
}, 120_000);
afterAll(async () => cloud?.stop());

const ok = <T = { order: { id: string } }>(name: string, event: unknown, openid: string) => cloud.data<T>(name, event, openid);
const record = (openid: string, year?: number) => ok<RecordAnswer>('myServiceRecord', year === undefined ? {} : { year }, openid);

/** An order of 张秀兰's booked, sent to the hall, claimed, completed by `openid` and confirmed: credited to them. */
async function confirmedBy(openid: string): Promise<string> {
  const { services } = await ok<{ services: { upcoming: { key: string; left: number }[] }[] }>('gridServices', {}, DEMO.resident);
  const slot = services[0]?.upcoming.find((occurrence) => occurrence.left > 0);
  if (!slot) throw new Error('no place left');
  const booking = { idempotencyKey: draftKey(), serviceCode: 'SMLF', slotKey: slot.key, address: ADDRESS };
  const id = (await ok('bookService', booking, DEMO.resident)).order.id;
  await ok('dispatchOrder', { orderId: id, mode: 'hall' }, DEMO.gridWorker);
  await ok('claimOrder', { orderId: id }, openid);
  const uploadKey = draftKey();
  const photo = await uploadAt(cloud, `${await slotOf(cloud, openid, uploadKey, 'completion')}done.png`);
  await ok('completeOrder', { orderId: id, note: '已理发', photos: [photo], uploadKey }, openid);
  await ok('confirmOrder', { orderId: id }, DEMO.resident);
  return id;
}

/**
 * A service of an earlier time: a copy of a confirmed order served then, credited at `at` with the same
 * shared entry 确认完成 writes (the clock of the functions cannot be moved back).
 */
async function creditedAt(template: string, at: number, minutes: number, points: number): Promise<string> {
  const [order] = await cloud.find<{ _id: string; slot: { key: string; startsAt: number; endsAt: number } }>('serviceOrders', {
    _id: template,
  });
  if (!order) throw new Error('no template order');
  const { _id, ...fields } = order;
  const id = `opast${at}`;
  await cloud
    .db()
    .collection('serviceOrders')
    .add({
      data: { _id: id, ...fields, idempotencyKey: `past-${at}`, slot: { ...order.slot, startsAt: at - 3_600_000, endsAt: at - 1_200_000 } },
    });
  const entry: LedgerEntry = serviceCreditEntry(id, { personId: 'u-volunteer-01', minutes, points }, at);
  const { id: entryId, ...entryFields } = entry;
  await cloud
    .db()
    .collection('pointsLedger')
    .add({ data: { _id: entryId, ...entryFields } });
  return id;
}

describe('myServiceRecord (我的服务记录)', () => {
  const thisYear = shanghaiYear(Date.now());
  const lastYear = thisYear - 1;
  const ids: { [name: string]: string } = {};

  beforeAll(async () => {
    ids.first = await confirmedBy(VOLUNTEER);
    ids.second = await confirmedBy(VOLUNTEER);
    ids.others = await confirmedBy(OTHER_VOLUNTEER);
    // 1 January 00:30 in Shanghai is still 31 December in UTC: it counts in this year, January.
    ids.newYear = await creditedAt(ids.first, Date.parse(`${thisYear}-01-01T00:30:00+08:00`), 120, 15);
    // 31 December 23:59 in Shanghai: last year, December.
    ids.lastDecember = await creditedAt(ids.first, Date.parse(`${lastYear}-12-31T23:59:00+08:00`), 60, 8);
    ids.lastMarch = await creditedAt(ids.first, Date.parse(`${lastYear}-03-15T10:00:00+08:00`), 30, 4);
  }, 300_000);

  it('gives this year by default: the services credited in it, totals and months, the latest first', async () => {
    const mine = await record(VOLUNTEER);
    expect(mine.year).toBe(thisYear);
    expect(mine.name).toBe('王建国');
    expect(mine.grids).toEqual([{ code: GRID, name: expect.stringContaining('第3网格') }]);
    expect(mine.totals).toEqual({ minutes: 2 * SMLF.minutes + 120, points: 2 * SMLF.points + 15, tasks: 3 });
    expect(mine.tasks.map((task) => task.orderId)).toEqual([ids.second, ids.first, ids.newYear]);
    expect(mine.months).toHaveLength(12);
    expect(mine.months[0]).toEqual({ month: 1, minutes: 120, points: 15, tasks: 1 });
    const nowMonth = Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(5, 7));
    expect(mine.months[nowMonth - 1]).toMatchObject({ tasks: nowMonth === 1 ? 3 : 2 });
    expect(mine.months.reduce((sum, month) => sum + month.minutes, 0)).toBe(mine.totals.minutes);
    expect(mine.tasks[0]).toMatchObject({ title: '上门理发', gridCode: GRID, gridName: expect.stringContaining('第3网格'), ...SMLF });
  }, 60_000);

  it('gives the year asked for, and nothing of another', async () => {
    const past = await record(VOLUNTEER, lastYear);
    expect(past.year).toBe(lastYear);
    expect(past.totals).toEqual({ minutes: 90, points: 12, tasks: 2 });
    expect(past.tasks.map((task) => [task.orderId, task.creditedOn])).toEqual([
      [ids.lastDecember, `${lastYear}-12-31`],
      [ids.lastMarch, `${lastYear}-03-15`],
    ]);
    expect(past.months[11]).toEqual({ month: 12, minutes: 60, points: 8, tasks: 1 });
    expect(past.months[2]).toEqual({ month: 3, minutes: 30, points: 4, tasks: 1 });
    expect((await record(VOLUNTEER, lastYear - 1)).totals).toEqual({ minutes: 0, points: 0, tasks: 0 });
  }, 60_000);

  it('counts only the caller’s own services: another volunteer’s order is in theirs, never in mine', async () => {
    const mine = await record(VOLUNTEER);
    const theirs = await record(OTHER_VOLUNTEER);
    expect(mine.tasks.map((task) => task.orderId)).not.toContain(ids.others);
    expect(theirs.tasks.map((task) => task.orderId)).toEqual([ids.others]);
    expect(theirs.totals).toEqual({ ...SMLF, tasks: 1 });
    expect(theirs.name).toBe('周丽萍');
    expect(theirs.grids.map((grid) => grid.code).sort()).toEqual(['410399001001-03', '410399001001-04']);
  }, 60_000);

  it('never names the requester or where they live', async () => {
    const text = JSON.stringify(await record(VOLUNTEER));
    for (const personal of ['张秀兰', '幸福路', ADDRESS, 'o-demo-resident-01', 'u-resident-01', '已理发'])
      expect(text).not.toContain(personal);
  }, 60_000);

  it('gives someone without services, or without a record, an empty year', async () => {
    expect((await record(DEMO.resident)).totals).toEqual({ minutes: 0, points: 0, tasks: 0 });
    const stranger = await record(`o-stranger-${draftKey()}`);
    expect(stranger).toMatchObject({ name: '', grids: [], tasks: [], totals: { minutes: 0, points: 0, tasks: 0 } });
  }, 60_000);

  it('refuses a year out of range', async () => {
    expect(await cloud.call('myServiceRecord', { year: 1999 }, VOLUNTEER)).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    expect(await cloud.call('myServiceRecord', { year: '2026' }, VOLUNTEER)).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
  }, 60_000);

  it('reads the ledger on person_kind_time: never a scan', async () => {
    const stats = cloud.testCloud.cloud.database.stats;
    const before = new Set(stats.recentScans);
    await record(VOLUNTEER, lastYear);
    const scans = stats.recentScans.filter((scan) => !before.has(scan) && ['pointsLedger', 'serviceOrders'].includes(scan.collection));
    expect(scans.filter((scan) => scan.index === null)).toEqual([]);
    expect(scans).toContainEqual(expect.objectContaining({ collection: 'pointsLedger', index: 'x:pointsLedger:person_kind_time' }));
  }, 60_000);
});
