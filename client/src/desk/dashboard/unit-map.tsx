import type { RegionShape } from '@pingan/shared/contracts'
import { permilleText } from '@pingan/shared/performance/figures'
import { useMemo } from 'react'

import { echarts } from './echarts'
import { RATES, openText, overduePermille, type RateKey, type UnitRow } from './measures'
import { shortName } from './unit-trail'
import { useChart } from './use-chart'

/** What colours the map: the share of running cases past deadline (灯色), or one of the rates. */
export type MapColouring = 'light' | RateKey

// The lights' colours (styles/_tokens.scss): green, the yellow dot, red; grey where nothing is running.
const LIGHT_SCALE = ['#1b6e2e', '#f2b400', '#b3261e']
const RATE_SCALE = ['#dbe7f6', '#1f5fa8']
const NO_DATA = '#d9d9d9'
/** The light scale is full red from half the running cases past their deadline. */
const LIGHT_FULL_PERMILLE = 500

type Props = {
  /** The map's name in ECharts' registry: one per unit, so drilling never redraws another's outline. */
  mapKey: string
  shapes: readonly RegionShape[]
  /** The unit's own name, left off its children's labels. */
  parentName?: string
  rows: readonly UnitRow[]
  colouring: MapColouring
  onPick: (code: string) => void
  onDrawn?: () => void
}

/** The child units on a map coloured by light or by a rate; a click on a unit drills into it. */
export default function UnitMap({ mapKey, shapes, parentName, rows, colouring, onPick, onDrawn }: Props) {
  const option = useMemo(() => {
    echarts.registerMap(mapKey, {
      type: 'FeatureCollection',
      features: shapes.map((shape) => ({
        type: 'Feature',
        properties: { code: shape.code, name: shape.name },
        geometry: { type: 'MultiPolygon', coordinates: shape.polygons },
      })),
    } as never)
    const byCode = new Map(rows.map((row) => [row.code, row]))
    const rate = RATES.find((r) => r.key === colouring)
    const valueOf = (row: UnitRow | undefined): number | null =>
      row === undefined ? null : colouring === 'light' ? overduePermille(row.open) : row.figures[colouring]
    return {
      aria: { enabled: true },
      tooltip: {
        trigger: 'item',
        formatter: (params: { name: string }) => {
          const row = byCode.get(params.name)
          if (!row) return ''
          const figure =
            colouring === 'light'
              ? `超时占比 ${permilleText(overduePermille(row.open))}`
              : `${rate?.label} ${permilleText(row.figures[colouring])}`
          return `${row.name}<br/>${figure}<br/>${openText(row.open)}`
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: colouring === 'light' ? LIGHT_FULL_PERMILLE : 1000,
        left: 8,
        bottom: 8,
        text: colouring === 'light' ? ['超时多', '无超时'] : [`${rate?.label} 高`, '低'],
        inRange: { color: colouring === 'light' ? LIGHT_SCALE : RATE_SCALE },
        formatter: (value: number) => permilleText(Math.round(value)),
        calculable: false,
      },
      series: [
        {
          type: 'map',
          map: mapKey,
          nameProperty: 'code',
          aspectScale: 0.83, // cos 33.8°: a kilometre east as long as a kilometre north
          layoutCenter: ['50%', '50%'],
          layoutSize: '92%',
          selectedMode: false,
          label: {
            show: true,
            formatter: (params: { name: string }) => shortName(byCode.get(params.name)?.name ?? '', parentName),
            fontSize: 13,
          },
          itemStyle: { areaColor: NO_DATA, borderColor: '#ffffff', borderWidth: 1.5 },
          emphasis: { label: { show: true }, itemStyle: { borderColor: '#1f1f1f', borderWidth: 2 } },
          data: shapes.map((shape) => ({ name: shape.code, value: valueOf(byCode.get(shape.code)) ?? '-' })),
        },
      ],
    }
  }, [mapKey, shapes, parentName, rows, colouring])
  const box = useChart(option, onPick, onDrawn)
  // ECharts' aria option labels the drawing with a description of its data; the table below carries the same.
  return <div className='dashboard__map' id='dashboard-map' ref={box} />
}
