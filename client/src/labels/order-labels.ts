import type { OrderStatus } from '@pingan/shared/service'

// 居民点单 in words: an order's status as its requester reads it, the steps of its timeline, and a slot's
// day and hours (Asia/Shanghai, a fixed +08:00 as shared/src/time assumes).

/** Where an order stands, said to the resident who booked it. */
export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  booked: '已预约，等网格员安排',
  posted: '已派单，等志愿者接单',
  claimed: '已安排人员上门服务',
  completed: '服务已完成，请您确认',
  confirmed: '已确认完成',
  disputed: '有异议，网格员处理中',
  rated: '已评价',
  cancelled: '已取消',
}

/** The short word on a card's chip and a staff list's tab. */
export const ORDER_STATUS_SHORT: Record<OrderStatus, string> = {
  booked: '待派单',
  posted: '任务大厅',
  claimed: '服务中',
  completed: '待确认',
  confirmed: '已完成',
  disputed: '有异议',
  rated: '已评价',
  cancelled: '已取消',
}

const EVENT_LABELS: Record<string, string> = {
  booked: '提交预约',
  posted: '发布任务',
  cancelled: '取消预约',
  dispatched: '网格员已派单到任务大厅',
  served: '网格员安排自己上门服务',
  claimed: '志愿者已接单',
  withdrawn: '志愿者退单，重新派单',
  completed: '服务完成',
  confirmed: '确认完成',
  disputed: '提出异议',
  settled: '网格员已处理异议',
  rated: '评价',
}

/** A timeline step's words; a step this build does not know yet is named by the status it led to. */
export function orderEventLabel(type: string, status: OrderStatus): string {
  return EVENT_LABELS[type] ?? ORDER_STATUS_SHORT[status]
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** `12月3日 周四` of an instant, in Asia/Shanghai. */
export function dayText(epochMs: number): string {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${WEEKDAYS[d.getUTCDay()]}`
}

function clockText(epochMs: number): string {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS)
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** `12月3日 周四 09:00–11:00`: a booked slot's day and hours. */
export function slotText(slot: { startsAt: number; endsAt: number }): string {
  return `${dayText(slot.startsAt)} ${clockText(slot.startsAt)}–${clockText(slot.endsAt)}`
}

/** `约 30 分钟`, or hours for longer services. */
export function durationText(minutes: number): string {
  if (minutes < 60) return `约 ${minutes} 分钟`
  const hours = Math.floor(minutes / 60)
  return minutes % 60 ? `约 ${hours} 小时 ${minutes % 60} 分钟` : `约 ${hours} 小时`
}
