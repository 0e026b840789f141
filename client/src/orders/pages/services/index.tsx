import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { gridServicesContract, type GridServiceOffer, type SlotOffer } from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../../components/big-button'
import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { useReturnRefresh } from '../../../hooks/use-return-refresh'
import { dayText, durationText } from '../../../labels/order-labels'
import { go, routes } from '../../../routes'
import { call } from '../../../transport'
import '../../orders.scss'

/** The week's occurrences of a service by day, in order. */
export function slotsByDay(upcoming: readonly SlotOffer[]): { day: string; label: string; slots: SlotOffer[] }[] {
  const days: { day: string; label: string; slots: SlotOffer[] }[] = []
  for (const slot of upcoming) {
    const last = days[days.length - 1]
    if (last && last.day === slot.date) last.slots.push(slot)
    else days.push({ day: slot.date, label: dayText(slot.startsAt), slots: [slot] })
  }
  return days
}

/** One slot to choose: its hours and places left, or 已约满 (shown, not offered). */
function SlotChoice({ service, slot }: { service: string; slot: SlotOffer }) {
  const full = slot.left <= 0
  return (
    <View
      id={`slot-${service}-${slot.key}`}
      className={`orders__slot${full ? ' orders__slot--full' : ''}`}
      aria-disabled={full ? 'true' : undefined}
      role='button'
      onClick={() => !full && go(routes.serviceBook(service, slot.key))}
    >
      <Text className='orders__slot-time'>
        <Text className='orders__nowrap'>{`${slot.start}–`}</Text>
        <Text className='orders__nowrap'>{slot.end}</Text>
      </Text>
      <Text className='orders__slot-left'>{full ? '已约满' : `还剩 ${slot.left} 个名额`}</Text>
    </View>
  )
}

/** A service with what it is and how long it takes; opened, the next 7 days' slots. */
function ServiceCard({ offer, open, onToggle }: { offer: GridServiceOffer; open: boolean; onToggle: () => void }) {
  return (
    <View className='orders__card' id={`service-${offer.serviceCode}`}>
      <View className='orders__head'>
        <Text className='orders__name'>{offer.name}</Text>
        <Text className='orders__chip'>{durationText(offer.durationMinutes)}</Text>
      </View>
      <Text>{offer.description}</Text>
      <BigButton id={`choose-${offer.serviceCode}`} kind='secondary' onClick={onToggle}>
        {open ? '收起时间' : '选择时间'}
      </BigButton>
      {open &&
        (offer.upcoming.length === 0 ? (
          <Text className='orders__hint'>近 7 天没有可以预约的时间，请过几天再来看看。</Text>
        ) : (
          slotsByDay(offer.upcoming).map(({ day, label, slots }) => (
            <View key={day} className='orders__rows'>
              <Text className='orders__day'>{label}</Text>
              <View className='orders__slots'>
                {slots.map((slot) => (
                  <SlotChoice key={slot.key} service={offer.serviceCode} slot={slot} />
                ))}
              </View>
            </View>
          ))
        ))}
    </View>
  )
}

/**
 * 预约服务 (居民点单): the services the resident's joined grid offers, each with its description and
 * duration; a service opened shows the next 7 days' slots with the places left, a full one said 已约满.
 * A slot opens the booking form.
 */
export default function ServicesPage() {
  const offers = useCall(() => call(gridServicesContract, {}))
  const [open, setOpen] = useState<string>()
  usePullDownRefresh(() => void offers.reload().finally(() => Taro.stopPullDownRefresh()))
  // Back from a booking, the places left have moved.
  useReturnRefresh(() => void offers.reload())

  if (!offers.data) {
    if (offers.error?.code === 'GRID.NOT_JOINED') {
      return (
        <EmptyView text='请先扫码加入您所在的网格，就能预约网格里的服务。'>
          <BigButton onClick={() => go(routes.scan)}>扫码入格</BigButton>
        </EmptyView>
      )
    }
    return offers.error ? <ErrorView error={offers.error} onRetry={() => void offers.reload()} /> : <LoadingView />
  }
  return (
    <View className='orders' id='services'>
      <View className='orders__card'>
        <Text className='orders__title'>网格里的便民服务</Text>
        <Text className='orders__hint'>选一项服务，再选时间。网格员会安排志愿者或亲自上门。</Text>
        <Text className='orders__link' id='open-my-orders' onClick={() => go(routes.myOrders)}>
          我的点单（查看和取消预约）›
        </Text>
      </View>
      {offers.data.services.length === 0 && <EmptyView text='本网格暂时没有可以预约的服务' />}
      {offers.data.services.map((offer) => (
        <ServiceCard
          key={offer.serviceCode}
          offer={offer}
          open={open === offer.serviceCode}
          onToggle={() => setOpen(open === offer.serviceCode ? undefined : offer.serviceCode)}
        />
      ))}
    </View>
  )
}
