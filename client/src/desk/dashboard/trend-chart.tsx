import type { PerformanceTrendPoint } from '@pingan/shared/contracts'
import { permilleText } from '@pingan/shared/performance/figures'
import { useMemo } from 'react'

import { RATES } from './measures'
import { useChart } from './use-chart'

export type TrendPoint = Pick<PerformanceTrendPoint, 'month' | 'figures'>

/** The rates the trend draws beside the counts: the loop's outcome, not every figure. */
const TREND_RATES = RATES.filter((rate) => ['closedPermille', 'onTimePermille', 'satisfiedPermille'].includes(rate.key))

/** 收件 and 受理 per month as bars' worth of lines on the left axis, and the main rates on the right (%). */
export default function TrendChart({ points, onDrawn }: { points: readonly TrendPoint[]; onDrawn?: () => void }) {
  const option = useMemo(
    () => ({
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      // The legend below the plot, where wrapping to a second line covers nothing.
      legend: { bottom: 0, textStyle: { fontSize: 13 } },
      grid: { left: 48, right: 56, top: 32, bottom: 76 },
      xAxis: { type: 'category', data: points.map((p) => monthLabel(p.month)), axisLabel: { fontSize: 13 } },
      yAxis: [
        { type: 'value', name: '件', minInterval: 1, axisLabel: { fontSize: 13 } },
        { type: 'value', name: '%', min: 0, max: 100, axisLabel: { fontSize: 13 }, splitLine: { show: false } },
      ],
      series: [
        { name: '收件', type: 'line', data: points.map((p) => p.figures.received) },
        { name: '受理', type: 'line', data: points.map((p) => p.figures.accepted) },
        ...TREND_RATES.map((rate) => ({
          name: rate.label,
          type: 'line',
          yAxisIndex: 1,
          connectNulls: false,
          lineStyle: { type: 'dashed' },
          // The axis is in per cent; the tooltip shows the figure as the function answered it.
          data: points.map((p) => {
            const permille = p.figures[rate.key]
            return permille === null ? '-' : permille / 10
          }),
          tooltip: { valueFormatter: (value: number | string) => (typeof value === 'number' ? permilleText(value * 10) : '—') },
        })),
      ],
    }),
    [points],
  )
  const box = useChart(option, undefined, onDrawn)
  return <div className='dashboard__trend' id='dashboard-trend' ref={box} />
}

/** `2026-11` as 11月 (with the year when it is January, where a new year starts). */
function monthLabel(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  return mon === 1 ? `${year}年1月` : `${mon}月`
}
