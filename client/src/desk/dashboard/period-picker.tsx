import { shanghaiMonthKey } from '@pingan/shared/time'
import { useEffect, useState } from 'react'

import { CUSTOM_MONTHS_MAX, addMonths, monthText, monthsBetween, monthsOf, type Period } from './period'

/** How far back the month choices reach (the trend's longest reach). */
const MONTH_CHOICES = 24

const CHOICES = [
  { kind: 'thisMonth', label: '本月' },
  { kind: 'lastMonth', label: '上月' },
  { kind: 'last3', label: '近三个月' },
] as const

/** 本月 / 上月 / 近三个月, or whole months from one to another (at most a year). */
export default function PeriodPicker({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const now = Date.now()
  const current = shanghaiMonthKey(now)
  const months = Array.from({ length: MONTH_CHOICES }, (_, i) => addMonths(current, -i))
  const shown = monthsOf(period, now)
  const [first, setFirst] = useState(shown.first)
  const [last, setLast] = useState(shown.last)
  // The month choices follow the period chosen (本月, 上月, 近三个月), so they never show another one.
  useEffect(() => {
    setFirst(shown.first)
    setLast(shown.last)
  }, [shown.first, shown.last])
  const count = monthsBetween(first, last)
  const problem = count < 1 ? '起始月份不能晚于结束月份' : count > CUSTOM_MONTHS_MAX ? `最多选 ${CUSTOM_MONTHS_MAX} 个月` : undefined
  const monthSelect = (id: string, value: string, onPick: (month: string) => void) => (
    <select id={id} value={value} onChange={(e) => onPick(e.target.value)}>
      {months.map((month) => (
        <option key={month} value={month}>
          {monthText(month, true)}
        </option>
      ))}
    </select>
  )
  return (
    <fieldset className='dashboard__period' id='period-picker'>
      <legend>统计期间</legend>
      {CHOICES.map((choice) => (
        <button
          key={choice.kind}
          type='button'
          className={`dashboard__chip${period.kind === choice.kind ? ' dashboard__chip--on' : ''}`}
          aria-pressed={period.kind === choice.kind}
          data-period={choice.kind}
          onClick={() => onChange({ kind: choice.kind })}
        >
          {choice.label}
        </button>
      ))}
      <label>从 {monthSelect('period-first', first, setFirst)}</label>
      <label>到 {monthSelect('period-last', last, setLast)}</label>
      <button
        type='button'
        className={`dashboard__chip${period.kind === 'months' ? ' dashboard__chip--on' : ''}`}
        id='period-apply'
        disabled={problem !== undefined}
        onClick={() => onChange({ kind: 'months', first, last })}
      >
        按月份查看
      </button>
      {problem && <span className='dashboard__hint'>{problem}</span>}
    </fieldset>
  )
}
