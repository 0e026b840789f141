import Taro from '@tarojs/taro'
import { orderDetailContract, type OrderDetail } from '@pingan/shared/contracts'
import { canMakeOrderMove } from '@pingan/shared/service'

import { call } from '../transport'

// 我的任务: the tasks this volunteer claimed. No function lists an order by its claimant yet, so the ids of
// the tasks claimed on this device are kept, and each is read with orderDetail: whatever the server says
// it is now (taken back to the hall, done, no longer theirs) decides whether it is still listed.

export const CLAIMED_TASKS_KEY = 'volunteer.claimedTasks'
/** Kept ids at most: a busy volunteer's month. */
const KEPT_MAX = 40

function keptIds(): string[] {
  const saved: unknown = Taro.getStorageSync(CLAIMED_TASKS_KEY)
  return Array.isArray(saved) ? saved.filter((id): id is string => typeof id === 'string') : []
}

/** Remembers a task just claimed. */
export function rememberClaimed(orderId: string): void {
  Taro.setStorageSync(CLAIMED_TASKS_KEY, [orderId, ...keptIds().filter((id) => id !== orderId)].slice(0, KEPT_MAX))
}

/** Forgets tasks that are no longer this volunteer's to do. */
export function forgetClaimed(orderIds: readonly string[]): void {
  Taro.setStorageSync(
    CLAIMED_TASKS_KEY,
    keptIds().filter((id) => !orderIds.includes(id)),
  )
}

/** Whether the volunteer still has something to do on it: they hold it and the table lets them finish it. */
export function isMyOpenTask(order: OrderDetail): boolean {
  return order.viewerIs.includes('claimant') && canMakeOrderMove('complete', order.status)
}

/**
 * The claimed tasks still to do, the soonest first; tasks gone from the volunteer (withdrawn, completed,
 * settled back to the hall, not found) are forgotten. A task that cannot be read now stays kept.
 */
export async function loadClaimedTasks(): Promise<OrderDetail[]> {
  const ids = keptIds()
  const read = await Promise.all(
    ids.map(async (id) => {
      try {
        return { id, order: (await call(orderDetailContract, { orderId: id })).order }
      } catch (error) {
        return { id, gone: (error as { code?: string }).code === 'ORDER.NOT_FOUND' }
      }
    }),
  )
  const open = read.flatMap((r) => ('order' in r && r.order && isMyOpenTask(r.order) ? [r.order] : []))
  const gone = read.flatMap((r) => (('order' in r && r.order && !isMyOpenTask(r.order)) || ('gone' in r && r.gone) ? [r.id] : []))
  if (gone.length > 0) forgetClaimed(gone)
  return open.sort((a, b) => a.slot.startsAt - b.slot.startsAt)
}
