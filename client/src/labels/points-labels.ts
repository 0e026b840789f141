import type { ReversalCause } from '@pingan/shared/points'

// Words for the points ledger and the informants' statements: why an entry has its amount.

/** Why an award was reversed (撤销奖励), as the reporter and staff read it. */
export const REVERSAL_CAUSE_LABELS: Record<ReversalCause, string> = {
  invalid: '核实为无效上报',
  duplicate: '与别人的上报重复',
}

/** Why an award has its amount. */
export const BASIS_LABELS = {
  informant: '信息员奖励金',
  resident: '爱心积分',
  own_area: '本人负责的网格，不计奖励',
  daily_cap: '已到当天上限',
} as const

/** `2026年11月` for `2026-11`. */
export function monthText(monthKey: string): string {
  const [year, month] = monthKey.split('-')
  return `${year}年${Number(month)}月`
}

/** `12月1日` for `2026-12-01`. */
export function dayText(dayKey: string): string {
  const [, month, day] = dayKey.split('-')
  return `${Number(month)}月${Number(day)}日`
}
