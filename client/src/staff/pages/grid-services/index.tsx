import { Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { gridServicesContract, saveGridServicesContract } from '@pingan/shared/contracts'
import { SLOT_CAPACITY_MAX, SLOTS_PER_SERVICE_MAX, weeklySlotSchema, type GridService, type WeeklySlot } from '@pingan/shared/service'
import { useEffect, useState } from 'react'

import BigButton from '../../../components/big-button'
import { ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { useCatalog } from '../../../hooks/use-catalog'
import { durationText } from '../../../labels/order-labels'
import { routeParam } from '../../../routes'
import { asCallError, call, type CallError } from '../../../transport'
import '../../../orders/orders.scss'
import './index.scss'

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日']

/** A weekly slot in words: `周二 09:00–11:00，4 个名额`. */
export function weeklySlotText(slot: WeeklySlot): string {
  return `${WEEKDAY_NAMES[slot.weekday]} ${slot.start}–${slot.end}，${slot.capacity} 个名额`
}

/** The slot being added, as typed; checked by the catalogue's own schema before it joins the list. */
function SlotForm({ code, onAdd }: { code: string; onAdd: (slot: WeeklySlot) => void }) {
  const [open, setOpen] = useState(false)
  const [weekday, setWeekday] = useState(1)
  const [start, setStart] = useState('09:00')
  const [end, setEnd] = useState('11:00')
  const [capacity, setCapacity] = useState('3')
  const [problem, setProblem] = useState<string>()
  const add = () => {
    const checked = weeklySlotSchema.safeParse({ weekday, start, end, capacity: Number(capacity) })
    if (!checked.success) {
      setProblem(`请检查：时间写成 09:00 这样，结束晚于开始，名额 1 到 ${SLOT_CAPACITY_MAX} 个`)
      return
    }
    setProblem(undefined)
    setOpen(false)
    onAdd(checked.data)
  }
  // Closed until wanted: ten services' forms at once would make the page a long scroll.
  if (!open) {
    return (
      <BigButton id={`open-slot-form-${code}`} kind='secondary' onClick={() => setOpen(true)}>
        添加时段
      </BigButton>
    )
  }
  return (
    <View className='orders__rows' id={`slot-form-${code}`}>
      <Text className='orders__label'>添加时段</Text>
      <View className='orders__choices'>
        {WEEKDAY_NAMES.slice(1).map((day, i) => (
          <View
            key={day}
            className={`orders__choice grid-services__weekday${weekday === i + 1 ? ' orders__choice--chosen' : ''}`}
            onClick={() => setWeekday(i + 1)}
          >
            <Text>{day}</Text>
          </View>
        ))}
      </View>
      <View className='grid-services__times'>
        <Input
          className='orders__input grid-services__time'
          value={start}
          placeholder='开始 09:00'
          onInput={(e) => setStart(e.detail.value)}
        />
        <Input className='orders__input grid-services__time' value={end} placeholder='结束 11:00' onInput={(e) => setEnd(e.detail.value)} />
        <Input
          className='orders__input grid-services__time'
          type='number'
          value={capacity}
          placeholder='名额'
          onInput={(e) => setCapacity(e.detail.value)}
        />
      </View>
      {problem && <Text className='orders__problem'>{problem}</Text>}
      <BigButton id={`add-slot-${code}`} kind='secondary' onClick={add}>
        添加这个时段
      </BigButton>
    </View>
  )
}

/**
 * 服务和时段: the grid's catalogue (`?grid=<code>&name=<grid name>`) — which of the county's services it
 * offers and at which weekly slots with how many places — saved whole (saveGridServices) by its 网格长 or
 * its community's centre. Places already booked stay booked when a slot shrinks.
 */
export default function StaffGridServicesPage() {
  const params = useRouter().params
  const grid = routeParam(params.grid)
  const name = routeParam(params.name)
  const county = useCatalog()
  const offers = useCall(() => call(gridServicesContract, { gridCode: grid }), [grid])
  const [chosen, setChosen] = useState<Map<string, WeeklySlot[]>>()
  const [saving, setSaving] = useState(false)
  const [result, setResult] = useState<{ saved: true } | { error: CallError }>()

  useEffect(() => {
    if (offers.data && !chosen) setChosen(new Map(offers.data.services.map((s) => [s.serviceCode, s.slots])))
  }, [offers.data, chosen])

  if (!offers.data || !county.data || !chosen) {
    const error = offers.error ?? county.error
    return error ? <ErrorView error={error} onRetry={() => void offers.reload()} /> : <LoadingView />
  }
  const mayEdit = offers.data.mayEdit
  const change = (code: string, slots: WeeklySlot[] | undefined) => {
    const next = new Map(chosen)
    if (slots) next.set(code, slots)
    else next.delete(code)
    setChosen(next)
    setResult(undefined)
  }
  const save = async () => {
    // The county's order, so the catalogue reads as the county lists its services.
    const services: GridService[] = county.data!.services.flatMap((s) => {
      const slots = chosen.get(s.code)
      return slots ? [{ serviceCode: s.code, slots }] : []
    })
    setSaving(true)
    try {
      await call(saveGridServicesContract, { gridCode: grid, services })
      setResult({ saved: true })
    } catch (error) {
      setResult({ error: asCallError(error) })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='orders grid-services' id='grid-services'>
      <View className='orders__card'>
        <Text className='orders__title'>{`${name || grid}的服务和时段`}</Text>
        <Text className='orders__hint'>
          {mayEdit
            ? `选本网格提供哪些服务，每项每周最多 ${SLOTS_PER_SERVICE_MAX} 个时段。减少名额不会取消已经约上的居民。`
            : '只有本网格的网格长和本社区综治中心可以修改。'}
        </Text>
        {!offers.data.custom && <Text className='orders__hint'>本网格还没有自己设置，现在用的是全县默认时段。</Text>}
      </View>
      {county.data.services.map((service) => {
        const slots = chosen.get(service.code)
        return (
          <View key={service.code} className='orders__card' id={`catalogue-${service.code}`}>
            <View className='orders__head'>
              <Text className='orders__name'>{service.name}</Text>
              <Text className='orders__chip'>{durationText(service.durationMinutes)}</Text>
            </View>
            {mayEdit && (
              <View className='orders__choices'>
                <View
                  className={`orders__choice${slots ? ' orders__choice--chosen' : ''}`}
                  onClick={() => !slots && change(service.code, [])}
                >
                  <Text>{slots ? '✓ 提供' : '提供'}</Text>
                </View>
                <View className={`orders__choice${slots ? '' : ' orders__choice--chosen'}`} onClick={() => change(service.code, undefined)}>
                  <Text>{slots ? '不提供' : '✓ 不提供'}</Text>
                </View>
              </View>
            )}
            {slots?.map((slot, i) => (
              <View key={`${slot.weekday}-${slot.start}-${i}`} className='grid-services__slot'>
                <Text>{weeklySlotText(slot)}</Text>
                {mayEdit && (
                  <Text
                    className='grid-services__remove'
                    onClick={() =>
                      change(
                        service.code,
                        slots.filter((_, j) => j !== i),
                      )
                    }
                  >
                    删除
                  </Text>
                )}
              </View>
            ))}
            {slots && slots.length === 0 && <Text className='orders__hint'>还没有时段：居民暂时约不了。</Text>}
            {mayEdit && slots && slots.length < SLOTS_PER_SERVICE_MAX && (
              <SlotForm code={service.code} onAdd={(slot) => change(service.code, [...slots, slot])} />
            )}
          </View>
        )
      })}
      {mayEdit && (
        <View className='orders__actions'>
          {result && 'error' in result && (
            <View className='orders__error' role='alert'>
              {result.error.message}
            </View>
          )}
          {result && 'saved' in result && (
            <View className='grid-services__saved' role='status' id='catalogue-saved'>
              已保存，居民马上就能按新的时段预约。
            </View>
          )}
          <BigButton id='save-catalogue' loading={saving} onClick={() => void save()}>
            保存
          </BigButton>
        </View>
      )}
    </View>
  )
}
