import { DEMO, draftKey, type FunctionsCloud } from '../helpers/functions-cloud';
import { uploadAt, slotOf } from '../helpers/uploads';
import { GRID_WORKER } from './handling-fixtures';
import { bookedOrder, orderIn } from './order-fixtures';
import { newcomerOpenid, type Grid } from './report-fixtures';

/** Where an order of the second half of its life stands, as the matrix and the hostile inputs need it. */
export type MovedOrderStatus = 'claimed' | 'completed' | 'disputed' | 'confirmed';

/** An order moved on, its requester (a newcomer) and its grid's 网格员, who serves it herself. */
export type MovedOrder = { readonly orderId: string; readonly requester: string; readonly claimant: string };

/** A photo the caller uploaded into their 'completion' slot for a fresh key: what completeOrder takes. */
export async function completionUpload(cloud: FunctionsCloud, openid: string): Promise<{ photo: string; uploadKey: string }> {
  const uploadKey = draftKey();
  const photo = await uploadAt(cloud, `${await slotOf(cloud, openid, uploadKey, 'completion')}done.png`);
  return { photo, uploadKey };
}

/**
 * A newcomer's order in the grid (or, given a requester, theirs in their joined grid), served by the grid's
 * 网格员 herself (自己服务: claimed, so no volunteer of the matrix holds it), then moved on through the real
 * functions: completed with her own photo, then disputed or confirmed by the requester.
 */
export async function orderMovedTo(cloud: FunctionsCloud, grid: Grid, until: MovedOrderStatus, resident?: string): Promise<MovedOrder> {
  const requester = resident ?? newcomerOpenid('requester');
  const claimant = GRID_WORKER[grid].openid;
  const orderId = resident ? await bookedWithRoom(cloud, grid, resident) : await orderIn(cloud, grid, requester);
  await cloud.data('dispatchOrder', { orderId, mode: 'self' }, claimant);
  const moved = { orderId, requester, claimant };
  if (until === 'claimed') return moved;
  const { photo, uploadKey } = await completionUpload(cloud, claimant);
  await cloud.data('completeOrder', { orderId, note: '已上门服务', photos: [photo], uploadKey }, claimant);
  if (until === 'completed') return moved;
  if (until === 'disputed') await cloud.data('disputeOrder', { orderId, note: '没有做完' }, requester);
  else await cloud.data('confirmOrder', { orderId }, requester);
  return moved;
}

/** 助餐送餐 every day at 11:00 with room for 50: the catalogue the hostile inputs' saveGridServices saves too. */
const ROOMY_CATALOGUE = [
  { serviceCode: 'ZCSC', slots: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '11:00', end: '12:00', capacity: 50 })) },
];

/**
 * The resident's booking in their joined grid; when the grid has no place left (its default slots used up by
 * earlier fixtures, or a catalogue emptied by saveGridServices' own runs), its community centre first gives it
 * a roomy one.
 */
async function bookedWithRoom(cloud: FunctionsCloud, grid: Grid, resident: string): Promise<string> {
  try {
    return await bookedOrder(cloud, resident);
  } catch (error) {
    if (!String(error).includes('no place left')) throw error;
    await cloud.data('saveGridServices', { gridCode: grid, services: ROOMY_CATALOGUE }, DEMO.communityCentre);
    return bookedOrder(cloud, resident);
  }
}
