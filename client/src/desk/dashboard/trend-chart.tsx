import type { PerformanceTrendPoint } from '@pingan/shared/contracts'
import { permilleText } from '@pingan/shared/performance/figures'
import { useCallback } from 'react'

import { RATES } from './measures'
import { monthText } from './period'
import { useChart } from './use-chart'

export type TrendPoint = Pick<PerformanceTrendPoint, 'month' | 'figures'>

/** The rates the trend draws beside the counts: the loop's outcome, not every figure. */
const TREND_RATES = RATES.filter((rate) => ['closedPermille', 'onTimePermille', 'satisfiedPermille'].includes(rate.key))

/** 收件 and 受理 per month as bars' worth of lines on the left axis, and the main rates on the right (%). */
export default function TrendChart({ points, onDrawn }: { points: readonly TrendPoint[]; onDrawn?: () => void }) {
  const build = useCallback(
    (textPx: number) => {
      const axisText = { fontSize: textPx * 0.9 }
      return {
        aria: { enabled: true },
        // Drawn at once: an animation would only delay the figures a worker came for (a second per line).
        animation: false,
        tooltip: { trigger: 'axis', textStyle: { fontSize: textPx } },
        // The legend below the plot, where wrapping to a second line covers nothing.
        legend: { bottom: 0, itemWidth: textPx * 1.2, itemGap: textPx * 0.6, textStyle: { fontSize: textPx } },
        grid: { left: textPx * 3.5, right: textPx * 3.5, top: textPx * 2.5, bottom: textPx * 5 },
        // One line of months (the heading names the year); ECharts leaves out every other one when they do not fit.
        xAxis: { type: 'category', data: points.map((p) => monthText(p.month, false)), axisLabel: axisText },
        yAxis: [
          { type: 'value', name: '件', minInterval: 1, axisLabel: axisText, nameTextStyle: axisText },
          { type: 'value', name: '%', min: 0, max: 100, axisLabel: axisText, nameTextStyle: axisText, splitLine: { show: false } },
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
      }
    },
    [points],
  )
  const box = useChart(build, undefined, onDrawn)
  return <div className='dashboard__trend' id='dashboard-trend' ref={box} />
}
