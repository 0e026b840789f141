import type { FunctionsCloud } from '../helpers/functions-cloud';

/** An applyInformant event for the grid (or the caller's joined grid), with a profile that passes. */
export function informantApplication(gridCode?: string): Record<string, unknown> {
  return { ...(gridCode !== undefined && { gridCode }), name: '安全测试', phone: '13900000000', motive: '每天在小区门口摆摊' };
}

/** A newcomer's pending 信息员 application to the grid; answers their person id. */
export async function pendingInformantIn(cloud: FunctionsCloud, grid: string, newcomer: string): Promise<string> {
  const { application } = await cloud.data<{ application: { personId: string } }>('applyInformant', informantApplication(grid), newcomer);
  return application.personId;
}
