import type { RegionShape } from '@pingan/shared/contracts'
import { permilleText } from '@pingan/shared/performance/figures'
import { useCallback } from 'react'

import { echarts } from './echarts'
import { RATES, openText, overduePermille, rateScaleOf, type RateKey, type UnitRow } from './measures'
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

/**
 * The child units on a map coloured by light or by a rate, each labelled with its name and figure; a click
 * on a unit drills into it. A rate's scale spans the units' own values (in whole tens of per cent), so two
 * units at 84 % and 86 % do not look alike on a scale of 0–100 %.
 */
export default function UnitMap({ mapKey, shapes, parentName, rows, colouring, onPick, onDrawn }: Props) {
  const build = useCallback(
    (textPx: number) => {
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
      const figureOf = (row: UnitRow) =>
        colouring === 'light'
          ? `超时占比 ${permilleText(overduePermille(row.open))}`
          : `${rate?.label} ${permilleText(row.figures[colouring])}`
      // A community's grids are many and small: their labels a little smaller, so neighbours do not overlap.
      const labelPx = shapes.length > 6 ? textPx * 0.85 : textPx
      const scale = colouring === 'light' ? { min: 0, max: LIGHT_FULL_PERMILLE } : rateScaleOf(rows.map((row) => row.figures[colouring]))
      return {
        aria: { enabled: true },
        // Drawn at once, as the trend: a colour fading in tells nothing.
        animation: false,
        tooltip: {
          trigger: 'item',
          textStyle: { fontSize: textPx },
          formatter: (params: { name: string }) => {
            const row = byCode.get(params.name)
            return row ? `${row.name}<br/>${figureOf(row)}<br/>${openText(row.open)}` : ''
          },
        },
        visualMap: {
          type: 'continuous',
          ...scale,
          orient: 'horizontal',
          left: 'center',
          bottom: 0,
          itemWidth: textPx,
          itemHeight: textPx * 12,
          textStyle: { fontSize: textPx * 0.9, color: '#4a4a4a' },
          text:
            colouring === 'light'
              ? [`超时占比 ${permilleText(LIGHT_FULL_PERMILLE)} 及以上`, '无超时']
              : [`${rate?.label} ${permilleText(scale.max)}`, permilleText(scale.min)],
          inRange: { color: colouring === 'light' ? LIGHT_SCALE : RATE_SCALE },
          calculable: false,
        },
        series: [
          {
            type: 'map',
            map: mapKey,
            nameProperty: 'code',
            aspectScale: 0.83, // cos 33.8°: a kilometre east as long as a kilometre north
            // The box left to the map, above the scale.
            left: 8,
            right: 8,
            top: 8,
            bottom: textPx * 3,
            selectedMode: false,
            label: {
              show: true,
              formatter: (params: { name: string }) => {
                const row = byCode.get(params.name)
                if (!row) return ''
                return `${shortName(row.name, parentName)}\n${permilleText(valueOf(row))}`
              },
              fontSize: labelPx,
              lineHeight: labelPx * 1.25,
              color: '#1f1f1f',
              // A white halo, so a name reads on red, green and grey alike.
              textBorderColor: 'rgba(255, 255, 255, 0.9)',
              textBorderWidth: 3,
            },
            itemStyle: { areaColor: NO_DATA, borderColor: '#ffffff', borderWidth: 1.5 },
            emphasis: { label: { show: true }, itemStyle: { borderColor: '#1f1f1f', borderWidth: 2 } },
            data: shapes.map((shape) => ({ name: shape.code, value: valueOf(byCode.get(shape.code)) ?? '-' })),
          },
        ],
      }
    },
    [mapKey, shapes, parentName, rows, colouring],
  )
  const box = useChart(build, onPick, onDrawn)
  // ECharts' aria option labels the drawing with a description of its data; the table below carries the same.
  return <div className='dashboard__map' id='dashboard-map' ref={box} />
}
