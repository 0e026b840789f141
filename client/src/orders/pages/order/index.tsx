import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { cancelOrderContract, type OrderView } from '@pingan/shared/contracts'
import { canMakeOrderMove } from '@pingan/shared/service'
import { useState } from 'react'

import BigButton from '../../../components/big-button'
import ConfirmDialog from '../../../components/confirm-dialog'
import { ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { formatDateTime } from '../../../labels/format'
import { ORDER_STATUS_LABELS, orderEventLabel } from '../../../labels/order-labels'
import { go, routeParam, routes } from '../../../routes'
import { asCallError, call, type CallError } from '../../../transport'
import OrderCard from '../../order-card'
import { loadMyOrder, rememberOrders, rememberedOrder } from '../../order-source'
import '../../orders.scss'

/** The order's steps so far, oldest first, the latest marked. */
function Steps({ order }: { order: OrderView }) {
  const steps = [...order.events].sort((a, b) => a.at - b.at)
  return (
    <View className='orders__steps' id='order-steps'>
      {steps.map((step, index) => (
        <View key={index} className={`orders__step${index === steps.length - 1 ? ' orders__step--latest' : ''}`} data-event={step.type}>
          <Text className='orders__step-title'>{orderEventLabel(step.type, step.status)}</Text>
          <Text className='orders__meta'>{formatDateTime(step.at)}</Text>
          {step.note && <Text>{step.note}</Text>}
        </View>
      ))}
    </View>
  )
}

/** 取消预约, offered while the table lets the order be cancelled (nobody has taken it on), asked once more. */
function CancelAction({ order, onCancelled }: { order: OrderView; onCancelled: (order: OrderView) => void }) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  if (!canMakeOrderMove('cancel', order.status)) return null
  const cancel = async () => {
    setBusy(true)
    try {
      const answer = await call(cancelOrderContract, { orderId: order.id })
      rememberOrders([answer.order])
      setAsking(false)
      onCancelled(answer.order)
    } catch (error) {
      setFailure(asCallError(error))
      setAsking(false)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='orders__actions'>
      {failure && (
        <View className='orders__error' role='alert'>
          {failure.message}
        </View>
      )}
      <BigButton id='cancel-order' kind='danger' onClick={() => setAsking(true)}>
        取消预约
      </BigButton>
      <ConfirmDialog
        id='confirm-cancel-dialog'
        open={asking}
        title='取消这次预约？'
        message='取消后名额会让给其他居民，需要时可以重新预约。'
        confirmText='确认取消'
        cancelText='不取消'
        danger
        busy={busy}
        onConfirm={() => void cancel()}
        onCancel={() => setAsking(false)}
      />
    </View>
  )
}

/**
 * 点单详情: one of my orders — where it stands in words, its slot and address, the steps so far — and
 * 取消预约 while nobody has taken it on. Read from 我的点单 (the order's own detail call is to come).
 */
export default function OrderPage() {
  const id = routeParam(useRouter().params.id)
  const detail = useCall(() => loadMyOrder(id), [id])
  usePullDownRefresh(() => void detail.reload().finally(() => Taro.stopPullDownRefresh()))
  const order = detail.data ?? rememberedOrder(id)

  if (!order) return detail.error ? <ErrorView error={detail.error} onRetry={() => void detail.reload()} /> : <LoadingView />
  return (
    <View className='orders' id='order'>
      <View className='orders__card'>
        <Text className='orders__meta'>当前进度</Text>
        <Text className={`orders__status orders__status--${order.status}`} id='order-status' data-status={order.status}>
          {ORDER_STATUS_LABELS[order.status]}
        </Text>
      </View>
      <OrderCard order={order} chip={false} />
      {order.note && (
        <View className='orders__card'>
          <Text className='orders__meta'>备注</Text>
          <Text>{order.note}</Text>
        </View>
      )}
      <View className='orders__card'>
        <Text className='orders__label'>办理经过</Text>
        <Steps order={order} />
      </View>
      <CancelAction order={order} onCancelled={detail.setData} />
      <Text className='orders__link' id='order-to-list' onClick={() => go(routes.myOrders)}>
        查看我的全部点单 ›
      </Text>
    </View>
  )
}
