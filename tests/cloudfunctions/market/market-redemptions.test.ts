import { DEMO, startFunctionsCloud, type FunctionsCloud } from '../helpers/functions-cloud';

/**
 * 爱心超市 through the built functions, the real SDK and the local cloud (4 instances of each function, so
 * calls really run at once): 50 redemptions raced, cancelling, handing over, refusing, who may do what.
 */
let cloud: FunctionsCloud;
beforeAll(async () => {
  cloud = await startFunctionsCloud();
}, 180_000);
afterAll(async () => cloud?.stop());

type Answer = { ok: true; data: Record<string, unknown> } | { ok: false; code: string };
type Item = { id: string; stock: number; pricePoints: number; mine: number; active: boolean };
type Mine = { id: string; status: string; code?: string; itemName: string };
type Ledger = { _id: string; personId: string; kind: string; unit: string; amount: number; redemptionId?: string };
type RedemptionDoc = { _id: string; personId: string; itemId: string; status: string; code: string };

const GRID = '410399001001-03';
let keys = 0;
const key = () => `market-${process.pid}-${(keys += 1)}`;

/** A resident of the demo grid made for the test, with `points` of 爱心积分 from one adjustment. */
async function resident(n: string, points: number): Promise<{ openid: string; id: string }> {
  const id = `u-market-${n}`;
  const openid = `o-market-${n}`;
  await cloud
    .db()
    .collection('users')
    .doc(id)
    .set({ data: { openid, name: `居民${n}`, roles: ['resident'], gridCodes: [GRID], joinedGridCode: GRID } });
  await cloud
    .db()
    .collection('pointsLedger')
    .doc(`adjustment:${id}:start`)
    .set({
      data: {
        personId: id,
        kind: 'adjustment',
        unit: 'point',
        amount: points,
        at: 1,
        dayKey: '2026-01-01',
        monthKey: '2026-01',
        reason: '测试',
        by: 'u-centre-06',
      },
    });
  return { openid, id };
}

async function newItem(name: string, pricePoints: number, stock: number, perPersonLimit?: number): Promise<Item> {
  const saved = await cloud.data<{ item: Item }>(
    'saveMarketItem',
    {
      idempotencyKey: key(),
      name,
      description: '测试物品',
      pricePoints,
      active: true,
      addStock: stock,
      ...(perPersonLimit && { perPersonLimit }),
    },
    DEMO.communityCentre,
  );
  return saved.item;
}

const balanceOf = async (personId: string) =>
  (await cloud.find<Ledger>('pointsLedger', { personId, unit: 'point' })).reduce((sum, entry) => sum + entry.amount, 0);
const stockOf = async (itemId: string) => (await cloud.get<{ stock: number }>('marketItems', itemId))?.stock;
const redeem = (openid: string, itemId: string, idempotencyKey = key()) =>
  cloud.call('redeemItem', { itemId, idempotencyKey }, openid) as Promise<Answer>;

describe('redeemItem raced 50 ways', () => {
  it('never overdraws the stock or a balance; each refusal has a stable code; ledger, stock and redemptions reconcile', async () => {
    const rice = await newItem('竞兑大米', 10, 10);
    // Five items for the one with 25 points, so that only their guard, not an item's stock, makes their redemptions meet.
    const soaps = await Promise.all([1, 2, 3, 4, 5].map((n) => newItem(`竞兑香皂${n}`, 10, 50)));
    const people = await Promise.all(Array.from({ length: 30 }, (_, i) => resident(`r${i}`, 30)));
    const greedy = await resident('greedy', 25);

    const started = Date.now();
    const answers = await Promise.all([
      ...people.map((person) => redeem(person.openid, rice.id).then((answer) => ({ who: person.id, item: rice.id, answer }))),
      ...Array.from({ length: 20 }, (_, i) => soaps[i % 5]!.id).map((item) =>
        redeem(greedy.openid, item).then((answer) => ({ who: greedy.id, item: 'soap', answer })),
      ),
    ]);
    const ms = Date.now() - started;

    const codes = answers.filter(({ answer }) => !answer.ok).map(({ answer }) => (answer as { code: string }).code);
    expect(codes.every((code) => ['MARKET.OUT_OF_STOCK', 'POINTS.INSUFFICIENT', 'MARKET.BUSY'].includes(code))).toBe(true);
    const won = (itemId: string) => answers.filter(({ item, answer }) => item === itemId && answer.ok);
    const soap = { id: 'soap' };
    const busy = (itemId: string) =>
      answers.filter(({ item, answer }) => item === itemId && !answer.ok && answer.code === 'MARKET.BUSY').length;
    console.log(
      `50 redemptions raced in ${ms} ms: rice ${won(rice.id).length} taken, soap ${won(soap.id).length} taken, refusals`,
      codes.sort().join(' '),
    );

    // The stock: never below 0, and exactly what was taken (all of it, unless some gave up busy).
    expect(won(rice.id).length).toBeLessThanOrEqual(10);
    expect(await stockOf(rice.id)).toBe(10 - won(rice.id).length);
    if (busy(rice.id) === 0) expect(won(rice.id).length).toBe(10);
    expect(answers.filter(({ item, answer }) => item === rice.id && !answer.ok && answer.code === 'POINTS.INSUFFICIENT')).toHaveLength(0);

    // The greedy one: 25 points buy two at 10, never three; the others are refused for want of points.
    expect(won(soap.id).length).toBeLessThanOrEqual(2);
    if (busy(soap.id) === 0) expect(won(soap.id).length).toBe(2);
    expect(await balanceOf(greedy.id)).toBe(25 - 10 * won(soap.id).length);
    const soapStocks = await Promise.all(soaps.map((item) => stockOf(item.id)));
    expect(soapStocks.reduce((sum: number, stock) => sum + (stock ?? 0), 0)).toBe(250 - won(soap.id).length);

    // Every redemption has its ledger entry and every entry its redemption; each person's sum is what they paid.
    const redemptions = await cloud.find<RedemptionDoc>('marketRedemptions', {
      itemId: cloud.db().command.in([rice.id, ...soaps.map((item) => item.id)]),
    });
    const entries = await cloud.find<Ledger>('pointsLedger', {
      kind: 'redemption',
      redemptionId: cloud.db().command.in(redemptions.map((r) => r._id)),
    });
    expect(redemptions).toHaveLength(won(rice.id).length + won(soap.id).length);
    expect(entries.map((entry) => entry._id).sort()).toEqual(redemptions.map((r) => `redemption:${r._id}`).sort());
    expect(entries.every((entry) => entry.amount === -10 && entry.unit === 'point')).toBe(true);
    for (const person of people) {
      const paid = won(rice.id).some(({ who }) => who === person.id) ? 10 : 0;
      expect(await balanceOf(person.id)).toBe(30 - paid);
    }
    const guard = await cloud.get<{ held: Record<string, number> }>('pointsGuards', greedy.id);
    expect(Object.values(guard?.held ?? {}).reduce((sum, n) => sum + n, 0)).toBe(won(soap.id).length);
    // 50 calls on 4 instances with retries: slow on a loaded machine, and speed is not what this tests.
  }, 300_000);
});

describe('a redemption from request to hand-over', () => {
  it('answers a retry with the first redemption, and writes one entry', async () => {
    const oil = await newItem('重试花生油', 5, 3);
    const person = await resident('retry', 20);
    const idempotencyKey = key();
    const [first, second] = await Promise.all([
      redeem(person.openid, oil.id, idempotencyKey),
      redeem(person.openid, oil.id, idempotencyKey),
    ]);
    expect(first.ok && second.ok).toBe(true);
    const ids = [first, second].map((a) => (a as unknown as { data: { redemption: { id: string } } }).data.redemption.id);
    expect(ids[0]).toBe(ids[1]);
    expect(await cloud.count('pointsLedger', { redemptionId: ids[0] })).toBe(1);
    expect(await stockOf(oil.id)).toBe(2);
    expect(await redeem(person.openid, 'mi-demo-rice', idempotencyKey)).toMatchObject({ ok: false, code: 'MARKET.IDEMPOTENCY_CONFLICT' });
  });

  it('cancels before the hand-over, giving back the stock and the points once', async () => {
    const oil = await newItem('取消花生油', 7, 1);
    const person = await resident('cancel', 10);
    const answer = await cloud.data<{ redemption: Mine; pointBalance: number }>(
      'redeemItem',
      { itemId: oil.id, idempotencyKey: key() },
      person.openid,
    );
    expect(answer.pointBalance).toBe(3);
    expect(await stockOf(oil.id)).toBe(0);
    expect(await redeem(person.openid, oil.id)).toMatchObject({ ok: false, code: 'MARKET.OUT_OF_STOCK' });

    const cancelled = await cloud.data<{ status: string; pointBalance: number }>(
      'cancelRedemption',
      { redemptionId: answer.redemption.id },
      person.openid,
    );
    expect(cancelled).toEqual({ redemptionId: answer.redemption.id, status: 'cancelled', pointBalance: 10 });
    expect(await stockOf(oil.id)).toBe(1);
    expect(await cloud.get<Ledger>('pointsLedger', `refund:${answer.redemption.id}`)).toMatchObject({ kind: 'refund', amount: 7 });
    expect(await cloud.call('cancelRedemption', { redemptionId: answer.redemption.id }, person.openid)).toMatchObject({
      ok: false,
      code: 'MARKET.INVALID_TRANSITION',
    });
    expect(await balanceOf(person.id)).toBe(10);
    expect(await stockOf(oil.id)).toBe(1);
    expect((await cloud.get<{ held: Record<string, number> }>('pointsGuards', person.id))?.held[oil.id]).toBe(0);
  });

  it('hands over against the code the resident shows; twice changes nothing; then it cannot be cancelled', async () => {
    const soap = await newItem('核销香皂', 5, 4);
    const person = await resident('handover', 10);
    const { redemption } = await cloud.data<{ redemption: Mine }>('redeemItem', { itemId: soap.id, idempotencyKey: key() }, person.openid);
    expect(redemption.code).toMatch(/^\d{6}$/);

    // Staff's list: the waiting one, without its code.
    const list = await cloud.data<{ items: (Record<string, unknown> & { id: string })[] }>(
      'marketRedemptions',
      { limit: 50 },
      DEMO.gridWorker,
    );
    const listed = list.items.find((item) => item.id === redemption.id);
    expect(listed).toMatchObject({ personName: '居民handover', itemName: '核销香皂', status: 'requested', points: 5 });
    expect(listed).not.toHaveProperty('code');

    const wrong = redemption.code === '000000' ? '000001' : '000000';
    expect(await cloud.call('handOverRedemption', { redemptionId: redemption.id, code: wrong }, DEMO.gridWorker)).toMatchObject({
      ok: false,
      code: 'MARKET.CODE_MISMATCH',
    });
    const first = await cloud.data<{ changed: boolean; redemption: { status: string } }>(
      'handOverRedemption',
      { redemptionId: redemption.id, code: redemption.code },
      DEMO.gridWorker,
    );
    expect(first).toMatchObject({ changed: true, redemption: { status: 'handedOver' } });
    const stored = await cloud.get('marketRedemptions', redemption.id);
    const second = await cloud.data<{ changed: boolean }>(
      'handOverRedemption',
      { redemptionId: redemption.id, code: redemption.code },
      DEMO.gridLeader,
    );
    expect(second.changed).toBe(false);
    expect(await cloud.get('marketRedemptions', redemption.id)).toEqual(stored);
    expect(await cloud.call('cancelRedemption', { redemptionId: redemption.id }, person.openid)).toMatchObject({
      ok: false,
      code: 'MARKET.INVALID_TRANSITION',
    });
    expect(await balanceOf(person.id)).toBe(5);
    expect(await stockOf(soap.id)).toBe(3);

    const mine = await cloud.data<{ items: Mine[] }>('myRedemptions', {}, person.openid);
    expect(mine.items[0]).toMatchObject({ id: redemption.id, status: 'handedOver' });
    expect(mine.items[0]).not.toHaveProperty('code');
  });

  it('lets staff refuse with a reason only, giving back stock and points', async () => {
    const cut = await newItem('退回理发', 20, 2);
    const person = await resident('refused', 20);
    const { redemption } = await cloud.data<{ redemption: Mine }>('redeemItem', { itemId: cut.id, idempotencyKey: key() }, person.openid);
    expect(await cloud.call('cancelRedemption', { redemptionId: redemption.id }, DEMO.gridWorker)).toMatchObject({
      ok: false,
      code: 'MARKET.REASON_REQUIRED',
    });
    expect(await cloud.data('cancelRedemption', { redemptionId: redemption.id, reason: '理发师傅这周请假' }, DEMO.gridWorker)).toEqual({
      redemptionId: redemption.id,
      status: 'refused',
    });
    expect(await balanceOf(person.id)).toBe(20);
    expect(await stockOf(cut.id)).toBe(2);
    const mine = await cloud.data<{ items: (Mine & { reason?: string })[] }>('myRedemptions', {}, person.openid);
    expect(mine.items[0]).toMatchObject({ status: 'refused', reason: '理发师傅这周请假' });
  });

  it('holds a person to the per-person limit, and gives the place back on a cancel', async () => {
    const cut = await newItem('限兑理发', 1, 10, 1);
    const person = await resident('limit', 10);
    const { redemption } = await cloud.data<{ redemption: Mine }>('redeemItem', { itemId: cut.id, idempotencyKey: key() }, person.openid);
    expect(await redeem(person.openid, cut.id)).toMatchObject({ ok: false, code: 'MARKET.LIMIT_REACHED' });
    const catalogue = await cloud.data<{ items: Item[] }>('marketItems', { limit: 50 }, person.openid);
    expect(catalogue.items.find((item) => item.id === cut.id)?.mine).toBe(1);
    await cloud.data('cancelRedemption', { redemptionId: redemption.id }, person.openid);
    expect(await redeem(person.openid, cut.id)).toMatchObject({ ok: true });
  });
});

describe('the catalogue and who may do what', () => {
  it('shows residents the offered items of their community, cheapest first, with their balance', async () => {
    const page = await cloud.data<{ communityCode: string; mayManage: boolean; pointBalance: number; items: Item[] }>(
      'marketItems',
      { limit: 50 },
      DEMO.resident,
    );
    expect(page).toMatchObject({ communityCode: '410399001001', mayManage: false, mayHandOver: false, pointBalance: 120 });
    expect(page.items.map((item) => item.id)).toEqual(expect.arrayContaining(['mi-demo-soap', 'mi-demo-rice']));
    expect(page.items.some((item) => item.id === 'mi-demo-umbrella')).toBe(false);
    const prices = page.items.map((item) => item.pricePoints);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
  });

  it('shows those who run it the items not offered now too, and pages by price', async () => {
    const first = await cloud.data<{ mayManage: boolean; items: Item[]; nextCursor: string | null }>(
      'marketItems',
      { limit: 2 },
      DEMO.gridLeader,
    );
    expect(first.mayManage).toBe(true);
    const rest = await cloud.data<{ items: Item[]; nextCursor: string | null }>(
      'marketItems',
      { limit: 50, cursor: first.nextCursor },
      DEMO.gridLeader,
    );
    const all = [...first.items, ...rest.items];
    expect(all.some((item) => item.id === 'mi-demo-umbrella' && !item.active)).toBe(true);
    expect(new Set(all.map((item) => item.id)).size).toBe(all.length);
  });

  it('adds stock to an item and refuses to take it below 0', async () => {
    const base = { itemId: 'mi-demo-oil', name: '花生油 1 升', description: '到社区服务站领取。', pricePoints: 25, active: true };
    const before = (await stockOf('mi-demo-oil')) ?? 0;
    expect(await cloud.data('saveMarketItem', { ...base, addStock: 5 }, DEMO.communityCentre)).toMatchObject({
      item: { stock: before + 5 },
    });
    expect(await cloud.call('saveMarketItem', { ...base, addStock: -(before + 6) }, DEMO.communityCentre)).toMatchObject({
      ok: false,
      code: 'MARKET.STOCK_INVALID',
    });
  });

  it('refuses to let residents, grid workers or other communities run it, or staff hand over elsewhere', async () => {
    const edit = { idempotencyKey: key(), name: '不该有', description: '', pricePoints: 1, active: true, addStock: 1 };
    expect(await cloud.call('saveMarketItem', edit, DEMO.resident)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await cloud.call('saveMarketItem', edit, DEMO.gridWorker)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await cloud.call('saveMarketItem', edit, DEMO.countyCentre)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await cloud.call('marketRedemptions', {}, DEMO.resident)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    const soap = await newItem('别处香皂', 1, 1);
    const person = await resident('elsewhere', 5);
    const { redemption } = await cloud.data<{ redemption: Mine }>('redeemItem', { itemId: soap.id, idempotencyKey: key() }, person.openid);
    for (const stranger of ['o-demo-centre-07', DEMO.otherResident]) {
      expect(await cloud.call('handOverRedemption', { redemptionId: redemption.id, code: redemption.code }, stranger)).toMatchObject({
        ok: false,
        code: 'MARKET.REDEMPTION_NOT_FOUND',
      });
      expect(await cloud.call('cancelRedemption', { redemptionId: redemption.id, reason: '不是我的' }, stranger)).toMatchObject({
        ok: false,
        code: 'MARKET.REDEMPTION_NOT_FOUND',
      });
    }
  });
});
