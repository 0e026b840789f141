import type { OpenCounts, PerformanceRow } from '@pingan/shared/contracts'
import { perMille, permilleText, type PerformanceFigures } from '@pingan/shared/performance/figures'

/** A unit's figures and its running cases now, as `performance` answers each row. */
export type OpenCases = OpenCounts
export type UnitRow = PerformanceRow

type PermilleKey = {
  [K in keyof PerformanceFigures]: PerformanceFigures[K] extends number | null ? (K extends `${string}Permille` ? K : never) : never
}[keyof PerformanceFigures]

/** The rates a map may be coloured by and a table sorted by, with the names people know them by. */
export const RATES: readonly { key: PermilleKey; label: string; higherIsBetter: boolean }[] = [
  { key: 'validReportPermille', label: '有效上报率', higherIsBetter: true },
  { key: 'closedPermille', label: '办结率', higherIsBetter: true },
  { key: 'onTimePermille', label: '按期办结率', higherIsBetter: true },
  { key: 'satisfiedPermille', label: '满意率', higherIsBetter: true },
  { key: 'reworkPermille', label: '返工率', higherIsBetter: false },
  { key: 'supervisionAnsweredPermille', label: '督办回复率', higherIsBetter: true },
]
export type RateKey = PermilleKey

/** One KPI card: its label and the figure as people read it. */
export type Kpi = { key: string; label: string; text: string }

export function hoursText(hours: number | null): string {
  return hours === null ? '—' : `${hours.toFixed(1)} 小时`
}

/** The nine KPI cards of a unit's totals, each figure as the function answered it. */
export function kpisOf(figures: PerformanceFigures): Kpi[] {
  return [
    { key: 'received', label: '收件', text: String(figures.received) },
    { key: 'accepted', label: '受理', text: String(figures.accepted) },
    ...RATES.slice(0, 4).map((rate) => ({ key: rate.key, label: rate.label, text: permilleText(figures[rate.key]) })),
    { key: 'averageHandlingHours', label: '平均办理时长', text: hoursText(figures.averageHandlingHours) },
    ...RATES.slice(4).map((rate) => ({ key: rate.key, label: rate.label, text: permilleText(figures[rate.key]) })),
  ]
}

/** The share of a unit's running cases past their deadline (yellow or red), per mille; null with none running. */
export function overduePermille(open: OpenCases): number | null {
  return perMille(open.overdue, open.running)
}

/** How a unit's running cases read: 在办 5 · 超时 2 · 红灯 1. */
export function openText(open: OpenCases): string {
  return `在办 ${open.running} · 超时 ${open.overdue} · 红灯 ${open.red}`
}

/**
 * The range a map coloured by a rate spans: the units' own values widened to whole tens of per cent (at
 * least one ten), so that units close together still differ in colour; 0–100 % when no unit has a value.
 */
export function rateScaleOf(values: readonly (number | null)[]): { min: number; max: number } {
  const known = values.filter((v): v is number => v !== null)
  if (known.length === 0) return { min: 0, max: 1000 }
  const min = Math.floor(Math.min(...known) / 100) * 100
  const max = Math.ceil(Math.max(...known) / 100) * 100
  if (max > min) return { min, max }
  return max < 1000 ? { min, max: max + 100 } : { min: min - 100, max }
}
