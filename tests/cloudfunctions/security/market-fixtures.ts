import type { FunctionsCloud } from '../helpers/functions-cloud';
import { DEMO, draftKey } from '../helpers/functions-cloud';
import type { MatrixCell, Outcome } from './authorization-matrix';
import { GRID_A, newcomerOpenid } from './report-fixtures';

/** 爱心超市's functions: their cells are run here (a fresh redemption per cell where there is a subject). */
export const MARKET_FUNCTIONS: readonly string[] = [
  'marketItems',
  'saveMarketItem',
  'redeemItem',
  'myRedemptions',
  'marketRedemptions',
  'handOverRedemption',
  'cancelRedemption',
];

let item: Promise<string> | undefined;
/** The matrix's item in 城关社区 (grids A and B): 1 point, stock for every cell. */
function matrixItem(cloud: FunctionsCloud): Promise<string> {
  item ??= cloud
    .data<{ item: { id: string } }>(
      'saveMarketItem',
      { idempotencyKey: draftKey(), name: '矩阵香皂', description: '', pricePoints: 1, active: true, addStock: 5000 },
      DEMO.communityCentre,
    )
    .then((saved) => saved.item.id);
  return item;
}

/** Gives the person with this openid (if they have a record) one point, by an adjustment of its own. */
async function onePointFor(cloud: FunctionsCloud, openid: string): Promise<void> {
  const [user] = await cloud.find<{ _id: string }>('users', { openid });
  if (!user) return;
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
        reason: '矩阵',
        by: 'u-centre-06',
      },
    });
}

/** A redemption of the matrix's item by `openid` (their own) or by a newcomer who joined grid A. */
async function redemptionBy(cloud: FunctionsCloud, openid: string | undefined): Promise<{ id: string; code: string }> {
  const by = openid ?? newcomerOpenid('redeemer');
  if (!openid) await cloud.data('joinGrid', { gridCode: GRID_A }, by);
  await onePointFor(cloud, by);
  const answer = await cloud.data<{ redemption: { id: string; code: string } }>(
    'redeemItem',
    { itemId: await matrixItem(cloud), idempotencyKey: draftKey() },
    by,
  );
  return answer.redemption;
}

/** One market cell: the call by `openid` on its subject, and its outcome. */
export async function marketOutcome(cloud: FunctionsCloud, cell: MatrixCell, openid: string): Promise<Outcome> {
  const answer = await cloud.call(cell.fn, await eventFor(cloud, cell, openid), openid);
  return answer.ok ? 'ok' : (answer.code as Outcome);
}

async function eventFor(cloud: FunctionsCloud, cell: MatrixCell, openid: string): Promise<Record<string, unknown>> {
  switch (cell.fn) {
    case 'saveMarketItem':
      return { idempotencyKey: draftKey(), name: '矩阵新物品', description: '', pricePoints: 3, active: true, addStock: 1 };
    case 'redeemItem':
      await onePointFor(cloud, openid);
      return { itemId: await matrixItem(cloud), idempotencyKey: draftKey() };
    case 'handOverRedemption': {
      const redemption = await redemptionBy(cloud, cell.subject === 'A, own' ? openid : undefined);
      return { redemptionId: redemption.id, code: redemption.code };
    }
    case 'cancelRedemption': {
      const redemption = await redemptionBy(cloud, cell.subject === 'A, own' ? openid : undefined);
      return { redemptionId: redemption.id, reason: '矩阵退回' };
    }
    default:
      return { limit: 5 };
  }
}
