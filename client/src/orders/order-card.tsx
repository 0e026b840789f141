import { Text, View } from '@tarojs/components'
import type { OrderView } from '@pingan/shared/contracts'
import type { ReactNode } from 'react'

import { ORDER_STATUS_SHORT, slotText } from '../labels/order-labels'

type Props = {
  order: OrderView
  onOpen?: () => void
  /** Lines under it (the staff's moves); taps there are theirs. */
  extra?: ReactNode
  /** The status chip; off where the page says the status in full. */
  chip?: boolean
}

/** One order in a list: the service, where it stands, when and where; with `onOpen` the card opens it. */
export default function OrderCard({ order, onOpen, extra, chip = true }: Props) {
  return (
    <View className='orders__card' id={`order-${order.id}`} data-status={order.status} onClick={onOpen}>
      <View className='orders__head'>
        <Text className='orders__name'>{order.title}</Text>
        {chip && <Text className={`orders__chip orders__chip--${order.status}`}>{ORDER_STATUS_SHORT[order.status]}</Text>}
      </View>
      <View className='orders__rows'>
        <View className='orders__row'>
          <Text className='orders__row-label'>时间</Text>
          <Text className='orders__row-value'>{slotText(order.slot)}</Text>
        </View>
        <View className='orders__row'>
          <Text className='orders__row-label'>地址</Text>
          <Text className='orders__row-value'>{order.address}</Text>
        </View>
        {order.forNeighbour && (
          <View className='orders__row'>
            <Text className='orders__row-label'>代办</Text>
            <Text className='orders__row-value'>
              {`为 ${order.forNeighbour.name} 预约${order.forNeighbour.phone ? `，电话 ${order.forNeighbour.phone}` : ''}`}
            </Text>
          </View>
        )}
      </View>
      {extra}
    </View>
  )
}
