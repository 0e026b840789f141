import { Text, View } from '@tarojs/components'
import { useState } from 'react'

import { chooseOnMap, deviceLocation, type PickedLocation } from '../../device/location'
import { placeNameOf } from '../../device/place-name'
import { go, routes } from '../../routes'

type Props = { location?: PickedLocation; onChange: (location: PickedLocation | undefined) => void }

/** The place by name: 您在 城关社区第3网格 for the phone's position; the map's name, with its grid when known. */
export function placeLine(location: PickedLocation): string {
  if (location.source === 'device') return location.place ? `您在 ${location.place}` : location.label
  return location.place && location.place !== location.label ? `${location.label}（${location.place}）` : location.label
}

/**
 * Where the problem is: the phone's position, or a point picked on a map (Tencent's picker in the
 * mini-program; in the browser build our own page over the grid polygons, which saves into the draft).
 */
export default function LocationField({ location, onChange }: Props) {
  const [locating, setLocating] = useState(false)
  const [failed, setFailed] = useState(false)

  const useDevice = async () => {
    setLocating(true)
    setFailed(false)
    try {
      const here = await deviceLocation()
      const place = await placeNameOf(here.lngLat)
      onChange(place ? { ...here, place } : here)
    } catch {
      setFailed(true)
    } finally {
      setLocating(false)
    }
  }

  const pickOnMap = async () => {
    if (process.env.TARO_ENV === 'h5') return go(routes.mapPicker)
    const picked = await chooseOnMap()
    if (picked) onChange(picked)
  }

  return (
    <View className='report-new__section'>
      <Text className='report-new__label'>在哪里</Text>
      {location ? (
        <View className='report-new__location' id='chosen-location'>
          <Text className='report-new__location-label' id='chosen-place'>
            {placeLine(location)}
          </Text>
          {location.address && <Text className='report-new__hint'>{location.address}</Text>}
          {/* The numbers only as a small second line, for whoever needs to find the spot exactly. */}
          <Text className='report-new__coords'>
            经度 {location.lngLat[0].toFixed(5)}，纬度 {location.lngLat[1].toFixed(5)}
          </Text>
          <Text className='report-new__link' onClick={() => onChange(undefined)}>
            不要位置
          </Text>
        </View>
      ) : (
        <Text className='report-new__hint'>选一个位置，问题会直接交给那里的网格员；不选就交给您加入的网格。</Text>
      )}
      {failed && <Text className='report-new__problem'>没能取到位置。请打开手机定位，或者在地图上选。</Text>}
      <View className='report-new__choices'>
        <View id='location-device' className='report-new__choice' onClick={() => void useDevice()}>
          <Text>{locating ? '正在定位…' : '用我现在的位置'}</Text>
        </View>
        <View id='location-map' className='report-new__choice' onClick={() => void pickOnMap()}>
          <Text>在地图上选</Text>
        </View>
      </View>
    </View>
  )
}
