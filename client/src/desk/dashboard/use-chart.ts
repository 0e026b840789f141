import { useEffect, useRef } from 'react'

import { echarts } from './echarts'

type Chart = ReturnType<typeof echarts.init>
type Option = Parameters<Chart['setOption']>[0]

/**
 * An ECharts chart in a `<div>`: made once, given each new option whole (`notMerge`, so a series left out
 * goes), resized with its box, disposed with the component. `onDrawn` runs once a drawing is on screen.
 */
export function useChart(option: Option | undefined, onClick?: (name: string) => void, onDrawn?: () => void) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<Chart>()
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
    const observer = new ResizeObserver(() => made.resize())
    observer.observe(element)
    return () => {
      observer.disconnect()
      made.dispose()
      chart.current = undefined
    }
  }, [])

  useEffect(() => {
    if (option && chart.current) chart.current.setOption(option, { notMerge: true })
  }, [option])

  return box
}
