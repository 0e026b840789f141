import { myTasksContract, type HallItem, type OrderDetail } from '@pingan/shared/contracts'
import { canMakeOrderMove } from '@pingan/shared/service'

import { call } from '../transport'

/** How many of my tasks the home card shows: what is open, then the latest credited ones. */
export const MY_TASKS_SHOWN = 10

/**
 * 我的任务, as myTasks lists them: what I hold and have still to finish or see confirmed (claimed,
 * completed, disputed) the soonest first, then the latest credited ones.
 */
export async function loadMyTasks(): Promise<HallItem[]> {
  return (await call(myTasksContract, { limit: MY_TASKS_SHOWN })).items
}

/** Whether I have still something to do on it: I hold it and the table lets me finish it. */
export function isMyOpenTask(order: OrderDetail): boolean {
  return order.viewerIs.includes('claimant') && canMakeOrderMove('complete', order.status)
}
