import { shanghaiDayKey } from '@pingan/shared';
import { draftKey, type FunctionsCloud } from '../helpers/functions-cloud';
import { GRID_WORKER } from './handling-fixtures';
import { GRID_A, GRID_B, type Grid } from './report-fixtures';

/** A volunteer of each grid: 王建国 (the matrix's volunteer caller) in A; 郭建设, approved for B by `volunteerOfB`. */
export const GRID_VOLUNTEER: Record<Grid, string> = { [GRID_A]: 'o-demo-volunteer-01', [GRID_B]: 'o-demo-volunteer-03' };

/** A 网格报到 event for the grid, with a profile that passes. */
export function registration(gridCode: string): Record<string, unknown> {
  return { gridCode, name: '安全测试', phone: '13900000000', partyMember: false, skills: ['代办'], posts: ['sanitation'] };
}

/** Makes 郭建设 a volunteer of grid B too (he applies, B's 网格员 approves), so B has a claimant. */
export async function volunteerOfB(cloud: FunctionsCloud): Promise<void> {
  const { application } = await cloud.data<{ application: { personId: string } }>(
    'registerVolunteer',
    registration(GRID_B),
    GRID_VOLUNTEER[GRID_B],
  );
  await cloud.data(
    'reviewVolunteer',
    { gridCode: GRID_B, personId: application.personId, decision: 'approve' },
    GRID_WORKER[GRID_B].openid,
  );
}

/** A newcomer's pending application to the grid; answers their person id. */
export async function pendingApplicationIn(cloud: FunctionsCloud, grid: string, newcomer: string): Promise<string> {
  const { application } = await cloud.data<{ application: { personId: string } }>('registerVolunteer', registration(grid), newcomer);
  return application.personId;
}

/** A task the grid's 网格员 posts into its hall, tomorrow (Asia/Shanghai) 09:00–10:00, asking no skill. */
export async function postedTaskIn(cloud: FunctionsCloud, grid: Grid): Promise<string> {
  const event = {
    idempotencyKey: draftKey(),
    gridCode: grid,
    taskKind: 'sanitation',
    address: '安全测试的地址',
    date: shanghaiDayKey(Date.now() + 86_400_000),
    start: '09:00',
    end: '10:00',
  };
  const { order } = await cloud.data<{ order: { id: string } }>('postTask', event, GRID_WORKER[grid].openid);
  return order.id;
}

/** A task of the grid claimed by the grid's volunteer (GRID_VOLUNTEER). */
export async function claimedTaskIn(cloud: FunctionsCloud, grid: Grid): Promise<string> {
  const orderId = await postedTaskIn(cloud, grid);
  await cloud.data('claimOrder', { orderId }, GRID_VOLUNTEER[grid]);
  return orderId;
}
