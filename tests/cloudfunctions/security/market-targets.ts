import fc from 'fast-check';
import { CONTRACTS, type ContractName } from '@pingan/shared';
import { DEMO, draftKey, type FunctionsCloud } from '../helpers/functions-cloud';
import type { HostileTarget, OkCheck } from './hostile-targets';

/**
 * 爱心超市's hostile targets (hostile-targets.ts spreads them in). Their subjects are made by
 * prepareMarketFixtures before the runs and renewed once used: an item of 城关社区 at 1 point with stock
 * for every run, a redemption of 王桂英's for 赵丽 to hand over, and one of 张秀兰's for her to cancel.
 */
const state = { itemId: '', toHandOver: { id: '', code: '' }, toCancel: '' };

async function redemptionOf(cloud: FunctionsCloud, openid: string): Promise<{ id: string; code: string }> {
  const [user] = await cloud.find<{ _id: string }>('users', { openid });
  if (!user) throw new Error(`no user ${openid}`);
  const key = draftKey();
  await cloud
    .db()
    .collection('pointsLedger')
    .doc(`adjustment:${user._id}:${key}`)
    .set({
      data: {
        personId: user._id,
        kind: 'adjustment',
        unit: 'point',
        amount: 1,
        at: 1,
        dayKey: '2026-01-01',
        reason: '安全测试',
        by: 'u-centre-06',
      },
    });
  const answer = await cloud.data<{ redemption: { id: string; code: string } }>(
    'redeemItem',
    { itemId: state.itemId, idempotencyKey: draftKey() },
    openid,
  );
  return answer.redemption;
}

/** The market's subjects, made once before the runs. */
export async function prepareMarketFixtures(cloud: FunctionsCloud): Promise<void> {
  const saved = await cloud.data<{ item: { id: string } }>(
    'saveMarketItem',
    { idempotencyKey: draftKey(), name: '安全测试香皂', description: '', pricePoints: 1, active: true, addStock: 5000 },
    DEMO.communityCentre,
  );
  state.itemId = saved.item.id;
  state.toHandOver = await redemptionOf(cloud, DEMO.otherResident);
  state.toCancel = (await redemptionOf(cloud, DEMO.resident)).id;
}

function expectThat(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

/** A read answered as the same call's clean form answers it (the event parsed by its contract). */
function sameAsCleanCall(name: ContractName) {
  return async ({ cloud, event, data, caller }: OkCheck) => {
    const clean = CONTRACTS[name].request.safeParse(event);
    expectThat(clean.success, `${name} succeeded on an event its contract refuses`);
    const again = await cloud.call(name, clean.data, caller);
    expectThat(
      again.ok && JSON.stringify(again.data) === JSON.stringify(data),
      `${name} answered the hostile event other than its clean form`,
    );
  };
}

const readOnly = { mayWrite: [] as const };
const optionalLimit = fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }).map((limit) => (limit === undefined ? {} : { limit }));
/** The subject's fields filled in at generation, after prepareMarketFixtures ran (fast-check maps lazily). */
const now = <T>(make: () => T) => fc.constant(0).map(make);

export const MARKET_TARGETS: Record<string, HostileTarget> = {
  marketItems: { ...readOnly, valid: optionalLimit, caller: () => DEMO.resident, checkOk: sameAsCleanCall('marketItems') },
  myRedemptions: { ...readOnly, valid: optionalLimit, caller: () => DEMO.resident, checkOk: sameAsCleanCall('myRedemptions') },
  marketRedemptions: { ...readOnly, valid: optionalLimit, caller: () => DEMO.gridWorker, checkOk: sameAsCleanCall('marketRedemptions') },
  saveMarketItem: {
    valid: fc
      .tuple(
        fc.constantFrom('安全测试毛巾', '安全测试牙膏'),
        fc.integer({ min: 1, max: 50 }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      )
      .map(([name, pricePoints, perPersonLimit]) => ({
        idempotencyKey: '<key>',
        name,
        description: '到社区服务站领取',
        pricePoints,
        active: true,
        addStock: 3,
        ...(perPersonLimit !== undefined && { perPersonLimit }),
      })),
    caller: () => DEMO.communityCentre,
    mayWrite: ['marketItems'],
    async checkOk({ cloud, data }) {
      const item = data.item as { id: string };
      const stored = await cloud.get<{ communityCode: string; updatedBy: string }>('marketItems', item.id);
      expectThat(
        stored?.communityCode === '410399001001' && stored.updatedBy === 'u-centre-06',
        'saveMarketItem stored an item outside the centre community',
      );
    },
  },
  redeemItem: {
    valid: now(() => ({ itemId: state.itemId, idempotencyKey: '<key>' })),
    caller: () => DEMO.resident,
    mayWrite: ['marketRedemptions', 'pointsLedger', 'pointsGuards'],
    async checkOk({ cloud, data }) {
      const redemption = data.redemption as { id: string };
      const stored = await cloud.get<{ personId: string; itemId: string }>('marketRedemptions', redemption.id);
      const entry = await cloud.get<{ personId: string; amount: number }>('pointsLedger', `redemption:${redemption.id}`);
      expectThat(stored?.personId === 'u-resident-01' && stored.itemId === state.itemId, 'redeemItem redeemed for another person or item');
      expectThat(entry?.personId === 'u-resident-01' && entry.amount === -1, 'redeemItem wrote another ledger entry than the price');
    },
  },
  handOverRedemption: {
    valid: now(() => ({ redemptionId: state.toHandOver.id, code: state.toHandOver.code })),
    caller: () => DEMO.gridWorker,
    mayWrite: ['marketRedemptions'],
    async checkOk({ cloud, data }) {
      const redemption = data.redemption as { id: string };
      const stored = await cloud.get<{ status: string }>('marketRedemptions', redemption.id);
      expectThat(redemption.id === state.toHandOver.id && stored?.status === 'handedOver', 'handOverRedemption moved another redemption');
      state.toHandOver = await redemptionOf(cloud, DEMO.otherResident);
    },
  },
  cancelRedemption: {
    valid: now(() => ({ redemptionId: state.toCancel })),
    caller: () => DEMO.resident,
    mayWrite: ['marketRedemptions', 'marketItems', 'pointsLedger', 'pointsGuards'],
    async checkOk({ cloud, data }) {
      const stored = await cloud.get<{ status: string; personId: string }>('marketRedemptions', String(data.redemptionId));
      const refund = await cloud.get<{ amount: number }>('pointsLedger', `refund:${String(data.redemptionId)}`);
      expectThat(
        data.redemptionId === state.toCancel && stored?.status === 'cancelled' && refund?.amount === 1,
        'cancelRedemption cancelled another or refunded wrong',
      );
      state.toCancel = (await redemptionOf(cloud, DEMO.resident)).id;
    },
  },
};
