import { Text, View } from '@tarojs/components'
import { useEffect, useMemo, useState, type MouseEvent } from 'react'

import BigButton from '../../../components/big-button'
import { ErrorView, LoadingView } from '../../../components/page-state'
import { deviceLocation } from '../../../device/location'
import { placeText } from '../../../device/place-name'
import { useCall } from '../../../hooks/use-call'
import { loadDraft, newDraft, saveDraft } from '../../../report-draft/draft'
import { back } from '../../../routes'
import { asCallError } from '../../../transport'
import { loadLandmarks, loadRegionShapes, placeNameAt } from '../../lib/grid-map-data'
import { Boundaries, Landmarks, Names, YouAreHere, nearestLandmark } from './map-layers'
import { projectionFor } from './projection'
import './index.scss'

const ZOOMS = [1, 2, 3] as const

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6
}

// 在地图上选位置 (browser build only): Tencent's picker cannot load here, so the grids are drawn from
// their polygons; a tap marks the point, names its grid, and 确定 puts it into the report draft.
export default function MapPickerPage() {
  const regions = useCall(async () => {
    try {
      return await loadRegionShapes()
    } catch (error) {
      throw asCallError(error)
    }
  })
  // The landmarks help, the map works without them.
  const landmarks = useCall(async () => loadLandmarks().catch(() => []))
  // 您在这里, when the browser gives a position (never asked twice, nothing said when it does not).
  const [here, setHere] = useState<[number, number]>()
  useEffect(() => {
    deviceLocation().then(
      (location) => setHere(location.lngLat),
      () => undefined,
    )
  }, [])
  const grids = useMemo(() => (regions.data ?? []).filter((s) => s.level === 'grid'), [regions.data])
  const projection = useMemo(() => (grids.length > 0 ? projectionFor(grids) : undefined), [grids])
  const [point, setPoint] = useState<[number, number]>()
  const [zoom, setZoom] = useState<(typeof ZOOMS)[number]>(1)

  if (regions.error) return <ErrorView error={regions.error} onRetry={() => void regions.reload()} />
  if (!projection) return <LoadingView text='正在载入网格地图…' />

  const shapes = regions.data ?? []
  const chosen = point ? placeNameAt(shapes, point) : undefined
  const near = point ? nearestLandmark(landmarks.data ?? [], point) : undefined
  const onTap = (event: MouseEvent<SVGSVGElement>) => {
    const svg = event.currentTarget
    const matrix = svg.getScreenCTM()
    if (!matrix) return
    const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse())
    const [lng, lat] = projection.toLngLat(at.x, at.y)
    setPoint([round6(lng), round6(lat)])
  }
  const confirm = () => {
    if (!point) return
    const draft = loadDraft() ?? newDraft(Date.now())
    const label = near ? `${near.name}附近` : '地图上选的点'
    const location = { lngLat: point, label, source: 'map' as const, ...(chosen && { place: placeText(chosen) }) }
    saveDraft({ ...draft, location, updatedAt: Date.now() })
    back()
  }
  const marker = point ? projection.toSvg(point) : undefined

  return (
    <View className='map-picker'>
      <Text className='map-picker__hint'>在图上点一下问题发生的地方。细线是网格，粗线是社区，虚线是街道。</Text>
      <View className='map-picker__zooms'>
        {ZOOMS.map((z) => (
          <View key={z} className={`map-picker__zoom${z === zoom ? ' map-picker__zoom--on' : ''}`} onClick={() => setZoom(z)}>
            <Text>{z === 1 ? '全县' : `放大 ${z} 倍`}</Text>
          </View>
        ))}
      </View>
      <View className='map-picker__frame'>
        <svg
          id='grid-map'
          className='map-picker__svg'
          style={{ width: `${zoom * 100}%` }}
          viewBox={`0 0 ${projection.width} ${projection.height}`}
          onClick={onTap}
        >
          {grids.map((grid, i) => (
            <polygon
              key={`${grid.code}-${i}`}
              data-code={grid.code}
              className={`map-picker__grid${grid.code === chosen?.gridCode ? ' map-picker__grid--chosen' : ''}`}
              points={(grid.rings[0] ?? []).map((p) => projection.toSvg(p).join(',')).join(' ')}
            />
          ))}
          <Boundaries shapes={shapes} projection={projection} />
          <Names shapes={shapes} projection={projection} />
          <Landmarks landmarks={landmarks.data ?? []} projection={projection} />
          {here && <YouAreHere at={here} projection={projection} />}
          {marker && <circle className='map-picker__marker' cx={marker[0]} cy={marker[1]} r={14} />}
        </svg>
      </View>
      <View className='map-picker__result' id='picked-grid'>
        <Text>
          {point
            ? chosen
              ? `您选的位置在：${placeText(chosen)}${chosen.streetName ? `（${chosen.streetName}）` : ''}`
              : '这个位置不在任何网格里，会交给最近的网格或上级处理'
            : '还没有选位置'}
        </Text>
        {near && <Text className='map-picker__near'>{`靠近 ${near.name}`}</Text>}
      </View>
      <View className='map-picker__buttons'>
        <BigButton id='confirm-location' disabled={!point} onClick={confirm}>
          确定用这个位置
        </BigButton>
        <BigButton kind='secondary' onClick={back}>
          不选了
        </BigButton>
      </View>
    </View>
  )
}
