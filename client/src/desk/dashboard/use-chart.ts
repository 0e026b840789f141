import { useEffect, useMemo, useRef, useState } from 'react'

import { echarts } from './echarts'

type Chart = ReturnType<typeof echarts.init>
type Option = Parameters<Chart['setOption']>[0]

/** The chart's text size when its box's cannot be read (the dashboard's base text: 15 pt root × 0.75). */
const DEFAULT_TEXT_PX = 15

/** The CSS font size of an element in px: what the page's text (and care mode's scaling) gives it. */
function textPxOf(element: HTMLElement): number {
  const px = parseFloat(getComputedStyle(element).fontSize)
  return Number.isFinite(px) && px > 0 ? px : DEFAULT_TEXT_PX
}

/**
 * An ECharts chart in a `<div>`: made once, given each new option whole (`notMerge`, so a series left out
 * goes), resized with its box, disposed with the component. `build` makes the option for a text size in px,
 * the box's own font size, so the chart's labels grow with the page's text (200 % in care mode) instead
 * of staying at a fixed size in an SVG; it is read again whenever the box changes size. `onDrawn` runs
 * once a drawing is on screen.
 */
export function useChart(build: (textPx: number) => Option | undefined, onClick?: (name: string) => void, onDrawn?: () => void) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<Chart>()
  const [textPx, setTextPx] = useState(DEFAULT_TEXT_PX)
  const clicked = useRef(onClick)
  clicked.current = onClick
  const drawn = useRef(onDrawn)
  drawn.current = onDrawn

  useEffect(() => {
    const element = box.current
    if (!element) return undefined
    const made = echarts.init(element, undefined, { renderer: 'svg' })
    chart.current = made
    made.on('click', (params) => {
      if (typeof params.name === 'string' && params.name !== '') clicked.current?.(params.name)
    })
    // 'finished': the drawing (animations included) is on screen.
    made.on('finished', () => drawn.current?.())
    setTextPx(textPxOf(element))
    const observer = new ResizeObserver(() => {
      made.resize()
      setTextPx(textPxOf(element))
    })
    observer.observe(element)
    return () => {
      observer.disconnect()
      made.dispose()
      chart.current = undefined
    }
  }, [])

  const option = useMemo(() => build(textPx), [build, textPx])
  useEffect(() => {
    if (option && chart.current) chart.current.setOption(option, { notMerge: true })
  }, [option])

  return box
}
