import { shanghaiMonthKey } from '@pingan/shared/time'

/** The periods the dashboard offers: whole Asia/Shanghai months, so its figures match the monthly trend. */
export type Period =
  | { kind: 'thisMonth' }
  | { kind: 'lastMonth' }
  | { kind: 'last3' }
  /** From the first month to the last, both included (`YYYY-MM`), at most 12 months. */
  | { kind: 'months'; first: string; last: string }

export const CUSTOM_MONTHS_MAX = 12

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000

/** The instant a `YYYY-MM` month began in Asia/Shanghai. */
export function monthStart(month: string): number {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  return Date.UTC(year, mon - 1, 1) - SHANGHAI_OFFSET_MS
}

/** The month `count` months after `month` (before it when negative). */
export function addMonths(month: string, count: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  const at = new Date(Date.UTC(year, mon - 1 + count, 1))
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`
}

/** How many months from `first` to `last`, both included. */
export function monthsBetween(first: string, last: string): number {
  const [y1, m1] = first.split('-').map(Number) as [number, number]
  const [y2, m2] = last.split('-').map(Number) as [number, number]
  return (y2 - y1) * 12 + (m2 - m1) + 1
}

/** The first and last month of a period, as of `now`. */
export function monthsOf(period: Period, now: number): { first: string; last: string } {
  const current = shanghaiMonthKey(now)
  switch (period.kind) {
    case 'thisMonth':
      return { first: current, last: current }
    case 'lastMonth':
      return { first: addMonths(current, -1), last: addMonths(current, -1) }
    case 'last3':
      return { first: addMonths(current, -2), last: current }
    case 'months':
      return { first: period.first, last: period.last }
  }
}

/** The period as the `performance` call takes it: `[from, to)` in epoch ms. */
export function rangeOf(period: Period, now: number): { from: number; to: number } {
  const { first, last } = monthsOf(period, now)
  return { from: monthStart(first), to: monthStart(addMonths(last, 1)) }
}

/** A month as people say it: 2026年11月, or 11月 without the year. */
export function monthText(month: string, withYear: boolean): string {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  return withYear ? `${year}年${mon}月` : `${mon}月`
}

/** How the period reads in the header: 2026年11月, or 2026年9月–11月. */
export function periodText(period: Period, now: number): string {
  const { first, last } = monthsOf(period, now)
  if (first === last) return monthText(first, true)
  return `${monthText(first, true)}–${monthText(last, first.slice(0, 4) !== last.slice(0, 4))}`
}
