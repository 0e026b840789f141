import { fenOfYuanText, nextMonthKey, shanghaiMonthKey, STATEMENT_KINDS } from '@pingan/shared';
import { parse } from 'csv-parse/sync';
import { DEMO, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';

/**
 * The settlement desk's functions over a generated month: awards and reversals stored as acceptance and
 * reversal store them, a carry from the month before, and staff adjustments made through adjustPoints;
 * settleMonth closes it on its timer; settlementCsv's file, parsed back, holds every informant's total and
 * the grand totals to the fen of the ledger, for the county, and for a street only its own part.
 * Built functions, the real SDK, the demo county.
 */
let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
}, 180_000);
afterAll(async () => cloud?.stop());

type Entry = {
  _id: string;
  personId: string;
  kind: string;
  unit: string;
  amount: number;
  monthKey?: string;
  gridCode?: string;
  streetCode?: string;
};
type Run = { status: string };
type Csv = { filename: string; csv: string };
type Months = {
  scope: { level: string; code: string; whole: boolean };
  months: { monthKey: string; status: string; totalFen: number | null; payableFen: number | null }[];
  month: {
    monthKey: string;
    status: string;
    sheet: null | { informants: { personId: string; figures: { totalFen: number }; rows: unknown[] }[]; total: { totalFen: number } };
  } | null;
};

const MINUTE = 60_000;
const MONTH = shanghaiMonthKey(Date.now());
const NEXT = nextMonthKey(MONTH);
const FIRST_RUN = Date.parse(`${NEXT}-01T00:00:00+08:00`);
const STREET = '410399001'; // 城关街道
const STREET_CENTRE = 'o-demo-centre-03'; // 高振华
const LI_MING = 'u-informant-01';
const HUANG = 'u-informant-02'; // 河东街道's grid 410399002001-05
const GRIDS = ['410399001001-03', '410399001002-05', '410399001003-04', '410399002001-05', '410399002002-02'];

function randoms(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** 40 informants' month (and 李明's, 黄晓峰's): awards of 0–500 fen, reversals now and then, one carry from before. */
async function generatedMonth(): Promise<void> {
  const random = randoms(5);
  const entries: object[] = [];
  const people = [LI_MING, HUANG, ...Array.from({ length: 40 }, (_, p) => `u-gen-${String(p).padStart(3, '0')}`)];
  for (const personId of people) {
    for (let r = 0; r < 1 + Math.floor(random() * 5); r += 1) {
      const reportId = `rdesk${personId}x${r}`;
      const gridCode = personId === HUANG ? '410399002001-05' : (GRIDS[Math.floor(random() * GRIDS.length)] as string);
      const day = `${MONTH}-0${1 + r}`;
      const base = {
        personId,
        unit: 'fen',
        at: Date.parse(`${day}T10:00:00+08:00`),
        dayKey: day,
        monthKey: MONTH,
        reportId,
        gridCode,
        streetCode: gridCode.slice(0, 9),
      };
      const amount = [0, 50, 100, 300, 500][Math.floor(random() * 5)] as number;
      entries.push({ _id: `award:${reportId}`, kind: 'award', amount, basis: 'informant', ...base });
      if (random() < 0.25)
        entries.push({
          _id: `reversal:${reportId}`,
          kind: 'reversal',
          amount: -amount,
          cause: 'invalid',
          reason: '核实无效',
          by: 'u-grid-leader-03',
          ...base,
        });
    }
  }
  entries.push({
    _id: `carry:u-gen-007:${MONTH}`,
    personId: 'u-gen-007',
    kind: 'carry',
    unit: 'fen',
    amount: -1234,
    at: 0,
    dayKey: `${MONTH}-01`,
    monthKey: MONTH,
  });
  const ledger = cloud.db().collection('pointsLedger');
  for (let i = 0; i < entries.length; i += 25) await Promise.all(entries.slice(i, i + 25).map((data) => ledger.add({ data })));
}

async function fireAt(at: number): Promise<Run> {
  const answer = (await cloud.testCloud.cloud.functions.fireTimer('settleMonth', new Date(at))) as { ok: boolean; data: Run };
  if (!answer.ok) throw new Error(`settleMonth answered ${JSON.stringify(answer)}`);
  return answer.data;
}

async function moneyOf(monthKey: string): Promise<Entry[]> {
  const entries = await cloud.find<Entry>('pointsLedger', { monthKey, unit: 'fen' });
  return entries.filter((e) => (STATEMENT_KINDS as readonly string[]).includes(e.kind));
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
/** The fen of a yuan cell, which must have exactly two decimals. */
function fen(cell: string | undefined): number {
  expect(cell).toMatch(/^-?\d+\.\d{2}$/);
  return fenOfYuanText(cell as string) as number;
}

/** The informants' table of a settlement CSV: its header and its rows by informant id, and the 合计 row. */
function informantTable(csv: string) {
  expect(csv.startsWith('\uFEFF以奖代补月度结算表,')).toBe(true);
  expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const records = parse(csv, { bom: true }) as string[][];
  const header = records[2] as string[];
  const end = records.findIndex((r) => r[0] === '合计');
  const col = (name: string) => header.indexOf(name);
  return { records, header, rows: records.slice(3, end), total: records[end] as string[], col };
}

const key = (n: number) => `desk-test-key-${n}`;

it('adjusts money for the county centre alone, and points for a centre over the person’s grid; tells the person', async () => {
  const adjust = (openid: string, event: object) =>
    cloud.call<{ adjustment: { id: string; monthKey: string; amount: number } }>('adjustPoints', event, openid);
  const minus = { personId: LI_MING, unit: 'fen', amount: -150, reason: '重复发放，扣回', key: key(1) };
  expect(await adjust(DEMO.communityCentre, minus)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  expect(await adjust(DEMO.gridLeader, minus)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  const first = await adjust(DEMO.countyCentre, minus);
  expect(first).toMatchObject({ ok: true, data: { adjustment: { id: `adjustment:${LI_MING}:${key(1)}`, monthKey: MONTH, amount: -150 } } });
  // A retry answers the same entry; the key reused for something else is refused.
  expect(await adjust(DEMO.countyCentre, minus)).toEqual(first);
  expect(await adjust(DEMO.countyCentre, { ...minus, amount: -151 })).toMatchObject({ ok: false, code: 'POINTS.IDEMPOTENCY_CONFLICT' });
  // Every entry says why: a reason that is blank once normalised is refused, and nothing is written.
  for (const reason of ['', ' \u3000 '])
    expect(await adjust(DEMO.countyCentre, { ...minus, reason, key: key(3) })).toMatchObject({ ok: false, code: 'POINTS.REASON_REQUIRED' });
  expect(await adjust(DEMO.countyCentre, { ...minus, personId: 'u-nobody', key: key(2) })).toMatchObject({
    ok: false,
    code: 'POINTS.PERSON_NOT_FOUND',
  });
  await cloud.data(
    'adjustPoints',
    { personId: HUANG, unit: 'fen', amount: 205, reason: '补发10月漏发奖励', key: key(3) },
    DEMO.countyCentre,
  );
  // Points: 魏俊 (城关社区) for 李明, whose grids are his community's; not for 黄晓峰 in 河东街道.
  expect(
    await adjust(DEMO.communityCentre, { personId: LI_MING, unit: 'point', amount: 20, reason: '补记志愿服务', key: key(4) }),
  ).toMatchObject({ ok: true });
  expect(await adjust(DEMO.communityCentre, { personId: HUANG, unit: 'point', amount: 20, reason: '补记', key: key(5) })).toMatchObject({
    ok: false,
    code: 'POINTS.PERSON_NOT_FOUND',
  });
  expect(await cloud.get('pointsLedger', `adjustment:${HUANG}:${key(5)}`)).toBeUndefined();
  expect(await cloud.get<Entry & { reason: string; by: string }>('pointsLedger', `adjustment:${LI_MING}:${key(1)}`)).toMatchObject({
    kind: 'adjustment',
    unit: 'fen',
    amount: -150,
    monthKey: MONTH,
    reason: '重复发放，扣回',
    by: 'u-centre-01',
  });
  const { items } = await cloud.data<{ items: { id: string; kind: string; body: string }[] }>('myMessages', {}, DEMO.informant);
  const told = items.filter((m) => m.kind === 'pointsAdjusted');
  expect(told.map((m) => m.body).sort()).toEqual(
    [
      `综治中心调整：+20 爱心积分。原因：补记志愿服务`,
      `综治中心调整：-1.50 元，计入${Number(MONTH.slice(0, 4))}年${Number(MONTH.slice(5))}月结算。原因：重复发放，扣回`,
    ].sort(),
  );
}, 120_000);

it('has nothing to download before the month is settled, and says 结算中 while it settles', async () => {
  await generatedMonth();
  expect(await cloud.call('settlementCsv', { monthKey: MONTH }, DEMO.countyCentre)).toMatchObject({
    ok: false,
    code: 'SETTLEMENT.NOT_FOUND',
  });
  expect(await fireAt(FIRST_RUN)).toMatchObject({ status: 'waiting' });
  expect(await cloud.call('settlementCsv', { monthKey: MONTH }, DEMO.countyCentre)).toMatchObject({
    ok: false,
    code: 'SETTLEMENT.NOT_CLOSED',
  });
  const months = await cloud.data<Months>('settlementMonths', {}, DEMO.countyCentre);
  expect(months.months[0]).toMatchObject({ monthKey: MONTH, status: 'closing', totalFen: null });
  expect(months.month).toMatchObject({ monthKey: MONTH, status: 'closing', sheet: null });
  for (let at = FIRST_RUN + 10 * MINUTE; (await fireAt(at)).status !== 'closed'; at += 10 * MINUTE)
    if (at > FIRST_RUN + 200 * MINUTE) throw new Error('never closed');
}, 300_000);

it('gives the county centre a CSV whose every informant and grand total equal the ledger’s sums to the fen', async () => {
  const money = await moneyOf(MONTH);
  const file = await cloud.data<Csv>('settlementCsv', { monthKey: MONTH }, DEMO.countyCentre);
  expect(file.filename).toBe(`以奖代补结算_平安县_${MONTH}.csv`);
  const { rows, total, col, header } = informantTable(file.csv);
  expect(header).toEqual(expect.arrayContaining(['应付金额(元)', '结转下月(元)', '调整金额(元)', '上月结转(元)']));
  const people = [...new Set(money.map((e) => e.personId))].sort();
  expect(rows.map((r) => r[0]).sort()).toEqual(people);
  for (const row of rows) {
    const mine = money.filter((e) => e.personId === row[0]);
    const totalFen = sum(mine.map((e) => e.amount));
    expect([row[0], fen(row[col('本月合计(元)')])]).toEqual([row[0], totalFen]);
    expect(fen(row[col('应付金额(元)')])).toBe(Math.max(0, totalFen));
    expect(fen(row[col('结转下月(元)')])).toBe(Math.min(0, totalFen));
    expect(fen(row[col('调整金额(元)')])).toBe(sum(mine.filter((e) => e.kind === 'adjustment').map((e) => e.amount)));
    expect(fen(row[col('冲正金额(元)')])).toBe(sum(mine.filter((e) => e.kind === 'reversal').map((e) => e.amount)));
    expect(Number(row[col('奖励笔数')])).toBe(mine.filter((e) => e.kind === 'award').length);
  }
  expect(rows.find((r) => r[0] === LI_MING)?.[1]).toBe('李明');
  expect(fen(rows.find((r) => r[0] === 'u-gen-007')?.[col('上月结转(元)')])).toBe(-1234);
  const ledgerFen = sum(money.map((e) => e.amount));
  expect(fen(total[col('本月合计(元)')])).toBe(ledgerFen);
  expect(fen(total[col('应付金额(元)')])).toBe(
    sum(people.map((p) => Math.max(0, sum(money.filter((e) => e.personId === p).map((e) => e.amount))))),
  );
  expect(fen(total[col('应付金额(元)')]) + fen(total[col('结转下月(元)')])).toBe(ledgerFen);
  // The per-grid and per-street tables too, each ending in the same 合计.
  const records = parse(file.csv, { bom: true }) as string[][];
  for (const grid of GRIDS) {
    expect(fen(records.find((r) => r[0] === grid)?.[col('本月合计(元)')])).toBe(
      sum(money.filter((e) => e.gridCode === grid).map((e) => e.amount)),
    );
  }
  expect(fen(records.find((r) => r[0] === STREET)?.[col('本月合计(元)')])).toBe(
    sum(money.filter((e) => e.streetCode === STREET).map((e) => e.amount)),
  );
  expect(records.filter((r) => r[0] === '合计').map((r) => fen(r[col('本月合计(元)')]))).toEqual([ledgerFen, ledgerFen, ledgerFen]);
  // settlementMonths answers the same figures.
  const months = await cloud.data<Months>('settlementMonths', { monthKey: MONTH }, DEMO.countyCentre);
  expect(months.scope).toMatchObject({ level: 'county', whole: true });
  expect(months.months[0]).toMatchObject({
    monthKey: MONTH,
    status: 'closed',
    totalFen: ledgerFen,
    payableFen: fen(total[col('应付金额(元)')]),
  });
  expect(months.month?.sheet?.total.totalFen).toBe(ledgerFen);
  expect(months.month?.sheet?.informants).toHaveLength(people.length);
}, 120_000);

it('gives a street centre only its street: its informants, their awards and reversals there, no payable', async () => {
  const money = (await moneyOf(MONTH)).filter((e) => e.streetCode === STREET);
  const file = await cloud.data<Csv>('settlementCsv', { monthKey: MONTH }, STREET_CENTRE);
  expect(file.filename).toBe(`以奖代补结算_城关街道_${MONTH}.csv`);
  const { rows, total, col, header, records } = informantTable(file.csv);
  expect(header).not.toContain('应付金额(元)');
  expect(rows.map((r) => r[0]).sort()).toEqual([...new Set(money.map((e) => e.personId))].sort());
  expect(rows.map((r) => r[0])).not.toContain(HUANG);
  for (const row of rows) expect(fen(row[col('本月合计(元)')])).toBe(sum(money.filter((e) => e.personId === row[0]).map((e) => e.amount)));
  expect(fen(total[col('本月合计(元)')])).toBe(sum(money.map((e) => e.amount)));
  expect(records.some((r) => r[0]?.startsWith('410399002'))).toBe(false);
  const months = await cloud.data<Months>('settlementMonths', {}, STREET_CENTRE);
  expect(months.scope).toMatchObject({ level: 'street', code: STREET, whole: false });
  expect(months.months[0]?.totalFen).toBe(sum(money.map((e) => e.amount)));
  expect(months.months[0]?.payableFen).toBeNull();
  // Nobody else sees the money.
  for (const openid of [DEMO.gridLeader, DEMO.informant, DEMO.resident]) {
    expect(await cloud.call('settlementCsv', { monthKey: MONTH }, openid)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await cloud.call('settlementMonths', {}, openid)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  }
}, 120_000);

it('puts an adjustment made after the month closed into the next month, leaving the settled file as it was', async () => {
  const before = await cloud.data<Csv>('settlementCsv', { monthKey: MONTH }, DEMO.countyCentre);
  const late = await cloud.data<{ adjustment: { monthKey: string } }>(
    'adjustPoints',
    { personId: LI_MING, unit: 'fen', amount: 300, reason: '11月漏记一条有效上报', key: key(6) },
    DEMO.countyCentre,
  );
  expect(late.adjustment.monthKey).toBe(NEXT);
  expect(await cloud.get<Entry>('pointsLedger', `adjustment:${LI_MING}:${key(6)}`)).toMatchObject({ monthKey: NEXT, amount: 300 });
  expect(await cloud.data<Csv>('settlementCsv', { monthKey: MONTH }, DEMO.countyCentre)).toEqual(before);
}, 120_000);
