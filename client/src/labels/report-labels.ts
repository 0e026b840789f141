import type { ReportDetail } from '@pingan/shared/contracts'

type Status = ReportDetail['status']
type EventType = ReportDetail['events'][number]['type']
type RejectReason = NonNullable<ReportDetail['rejection']>['reason']
type Light = NonNullable<ReportDetail['light']>

/** What a report's state means to the person who sent it. */
export const STATUS_LABELS: Record<Status, string> = {
  submitted: '待受理',
  accepted: '已受理',
  rejected: '未受理',
  withdrawn: '已撤回',
  assigned: '已派单',
  in_progress: '处理中',
  resolved: '已办好，待核查',
  closed: '已结案',
  rated: '已评价',
}

/** One line of the timeline, per event type. */
export const EVENT_LABELS: Record<EventType, string> = {
  submitted: '提交上报',
  accepted: '网格员受理',
  rejected: '不予受理',
  withdrawn: '撤回上报',
  assigned: '派单办理',
  reassigned: '改派',
  started: '开始处理',
  resolved: '处理完成',
  closed: '核查结案',
  reworked: '返工重办',
  rated: '评价',
  reopened: '不满意，申请重新办理',
  escalated: '上报上级',
  supervised: '上级督办',
  supervision_answered: '回复督办',
  handed_back: '下派网格',
  award_reversed: '奖励已撤销',
}

export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  invalid: '信息不实或无法核实',
  duplicate: '别人已经报过了',
  out_of_scope: '不属于网格受理范围',
}

/** The time-limit light in words, so it never depends on colour alone. */
export const LIGHT_LABELS: Record<Light, string> = {
  green: '按时',
  yellow: '已超时',
  red: '严重超时',
}

export const OWNER_LEVEL_LABELS: Record<ReportDetail['ownerLevel'], string> = {
  grid: '网格',
  community: '社区',
  street: '街道',
  county: '县综治中心',
}
