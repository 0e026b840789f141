import {
  editedItem,
  mayHandOverIn,
  mayManageMarket,
  moveRedemption,
  newRedemption,
  redeemRefusal,
  redemptionEntry,
  redemptionListRank,
  refundEntry,
  staffMarketCommunity,
  type Actor,
  type MarketItem,
} from '@pingan/shared';

const COMMUNITY = '410399001001';
const AT = Date.UTC(2026, 11, 2, 4, 0);
const item: MarketItem = {
  id: 'mi-rice',
  communityCode: COMMUNITY,
  name: '大米',
  description: '',
  pricePoints: 30,
  stock: 2,
  perPersonLimit: 2,
  active: true,
  createdAt: AT,
  updatedAt: AT,
  updatedBy: 'u-centre-06',
};
const facts = { item, communityCode: COMMUNITY, balance: 30, held: 0 };
const requested = newRedemption(item, { id: 'u-resident-01', name: '张秀兰' }, { id: 'm1', code: '042917' }, AT);

describe('redeemRefusal', () => {
  it('lets a redemption through with the price exactly in the balance and one item left', () => {
    expect(redeemRefusal({ ...facts, item: { ...item, stock: 1 } })).toBeUndefined();
  });

  it('refuses one point short of the price', () => {
    expect(redeemRefusal({ ...facts, balance: 29 })).toBe('POINTS.INSUFFICIENT');
  });

  it('refuses when the stock is gone, before looking at the balance', () => {
    expect(redeemRefusal({ ...facts, item: { ...item, stock: 0 }, balance: 0 })).toBe('MARKET.OUT_OF_STOCK');
  });

  it('refuses at the per-person limit, and allows one below it', () => {
    expect(redeemRefusal({ ...facts, held: 2 })).toBe('MARKET.LIMIT_REACHED');
    expect(redeemRefusal({ ...facts, held: 1 })).toBeUndefined();
  });

  it('refuses an item of another community as not found, and one not offered now', () => {
    expect(redeemRefusal({ ...facts, communityCode: '410399001002' })).toBe('MARKET.NOT_FOUND');
    expect(redeemRefusal({ ...facts, item: undefined })).toBe('MARKET.NOT_FOUND');
    expect(redeemRefusal({ ...facts, item: { ...item, active: false } })).toBe('MARKET.INACTIVE');
  });
});

describe('a redemption on the ledger', () => {
  it('takes the price as redemption:<id> and gives it back as refund:<id>, summing to nothing', () => {
    const taken = redemptionEntry(requested);
    const given = refundEntry(requested, AT + 60_000);
    expect(taken).toMatchObject({
      id: 'redemption:m1',
      kind: 'redemption',
      unit: 'point',
      amount: -30,
      personId: 'u-resident-01',
      itemId: 'mi-rice',
    });
    expect(given).toMatchObject({ id: 'refund:m1', kind: 'refund', unit: 'point', amount: 30, redemptionId: 'm1' });
    expect(taken.amount + given.amount).toBe(0);
  });
});

describe('moveRedemption', () => {
  it('hands over against the right code only', () => {
    expect(moveRedemption(requested, { type: 'handOver', code: '000000', by: 'u-grid-worker-03' }, AT)).toEqual({
      ok: false,
      code: 'MARKET.CODE_MISMATCH',
    });
    const done = moveRedemption(requested, { type: 'handOver', code: '042917', by: 'u-grid-worker-03' }, AT + 1);
    expect(done).toMatchObject({
      ok: true,
      changed: true,
      givesBack: false,
      redemption: { status: 'handedOver', endedAt: AT + 1, endedBy: 'u-grid-worker-03' },
    });
  });

  it('changes nothing when handed over twice, and refuses to cancel what was handed over', () => {
    const done = moveRedemption(requested, { type: 'handOver', code: '042917', by: 'w' }, AT + 1);
    if (!done.ok) throw new Error('handed over');
    expect(moveRedemption(done.redemption, { type: 'handOver', code: '042917', by: 'w' }, AT + 2)).toEqual({
      ok: true,
      redemption: done.redemption,
      changed: false,
      givesBack: false,
    });
    expect(moveRedemption(done.redemption, { type: 'cancel', by: 'u-resident-01' }, AT + 2)).toEqual({
      ok: false,
      code: 'MARKET.INVALID_TRANSITION',
    });
  });

  it('gives back on a cancel or a refusal with words, and a refusal needs them', () => {
    expect(moveRedemption(requested, { type: 'cancel', by: 'u-resident-01' }, AT + 1)).toMatchObject({
      ok: true,
      givesBack: true,
      redemption: { status: 'cancelled' },
    });
    expect(moveRedemption(requested, { type: 'refuse', by: 'w', reason: '  ' }, AT + 1)).toEqual({
      ok: false,
      code: 'MARKET.REASON_REQUIRED',
    });
    expect(moveRedemption(requested, { type: 'refuse', by: 'w', reason: ' 已停产 ' }, AT + 1)).toMatchObject({
      ok: true,
      givesBack: true,
      redemption: { status: 'refused', reason: '已停产' },
    });
  });

  it('refuses to cancel twice', () => {
    const cancelled = moveRedemption(requested, { type: 'cancel', by: 'u-resident-01' }, AT + 1);
    if (!cancelled.ok) throw new Error('cancelled');
    expect(moveRedemption(cancelled.redemption, { type: 'cancel', by: 'u-resident-01' }, AT + 2)).toEqual({
      ok: false,
      code: 'MARKET.INVALID_TRANSITION',
    });
  });
});

describe('redemptionListRank', () => {
  it('puts every waiting redemption before every ended one, the oldest waiting and the latest ended first', () => {
    const ended = (at: number) => ({ ...requested, status: 'handedOver' as const, endedAt: at });
    const ranks = [
      redemptionListRank(ended(AT + 10)),
      redemptionListRank({ ...requested, requestedAt: AT + 5 }),
      redemptionListRank(ended(AT + 20)),
      redemptionListRank(requested),
    ];
    expect([...ranks].sort((a, b) => a - b)).toEqual([ranks[3], ranks[1], ranks[2], ranks[0]]);
  });
});

describe('editedItem', () => {
  const edit = { name: '大米', description: '', pricePoints: 30, active: true, addStock: 5 };
  const who = { id: 'mi-rice', communityCode: COMMUNITY, by: 'u-centre-06', at: AT + 1 };

  it('adds stock to what redemptions left, never sets it', () => {
    expect(editedItem(item, edit, who)).toMatchObject({ stock: 7, createdAt: AT, updatedAt: AT + 1 });
    expect(editedItem(undefined, edit, who)).toMatchObject({ stock: 5, createdAt: AT + 1 });
  });

  it('takes stock off down to 0 and no further', () => {
    expect(editedItem(item, { ...edit, addStock: -2 }, who)).toMatchObject({ stock: 0 });
    expect(editedItem(item, { ...edit, addStock: -3 }, who)).toBeUndefined();
  });

  it('drops the per-person limit when the edit has none', () => {
    expect(editedItem(item, edit, who)).not.toHaveProperty('perPersonLimit');
  });
});

describe('who runs a community market', () => {
  const centre: Actor = { id: 'c', roles: ['centre'], gridCodes: [], centre: { level: 'community', regionCode: COMMUNITY } };
  const streetCentre: Actor = { id: 's', roles: ['centre'], gridCodes: [], centre: { level: 'street', regionCode: '410399001' } };
  const leader: Actor = { id: 'l', roles: ['gridLeader'], gridCodes: [`${COMMUNITY}-03`] };
  const worker: Actor = { id: 'w', roles: ['gridWorker'], gridCodes: [`${COMMUNITY}-03`] };
  const resident: Actor = { id: 'r', roles: ['resident'], gridCodes: [`${COMMUNITY}-03`] };

  it('lets the community centre and its grid leaders manage, and its grid workers hand over', () => {
    expect([centre, leader, worker, resident, streetCentre].map((a) => mayManageMarket(a, COMMUNITY))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect([centre, leader, worker, resident, streetCentre].map((a) => mayHandOverIn(a, COMMUNITY))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('gives nobody a say in another community', () => {
    expect(mayHandOverIn(worker, '410399001002')).toBe(false);
    expect(mayManageMarket(centre, '410399001002')).toBe(false);
  });

  it('finds the community a staff member works, and none for a resident or a street centre', () => {
    expect([centre, leader, worker, resident, streetCentre].map(staffMarketCommunity)).toEqual([
      COMMUNITY,
      COMMUNITY,
      COMMUNITY,
      undefined,
      undefined,
    ]);
  });
});
