import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { orderDetailContract, type OrderDetail, type OrderView } from '@pingan/shared/contracts'
import { canMakeOrderMove } from '@pingan/shared/service'
import { useState } from 'react'

import { ErrorView, LoadingView } from '../../../components/page-state'
import ReportPhotos from '../../../components/report-photos'
import { useCall } from '../../../hooks/use-call'
import { formatDateTime } from '../../../labels/format'
import { ORDER_STATUS_LABELS, orderEventLabel } from '../../../labels/order-labels'
import { starsText, satisfactionWord } from '../../../labels/rating-labels'
import { go, routeParam, routes } from '../../../routes'
import { call } from '../../../transport'
import OrderCard from '../../order-card'
import { rememberedOrder } from '../../order-source'
import RequesterMoves from '../../requester-moves'
import { DispatchActions, SettleActions } from '../../staff-moves'
import '../../orders.scss'

type Step = OrderDetail['steps'][number]

const DECISION_WORDS = { done: '认定服务已完成', notDone: '认定没有完成，重新派单' } as const

/** The steps so far: the order's own timeline by name, or (shown at once from 我的点单 while it loads) its bare events. */
function stepsOf(order: OrderView | OrderDetail): Step[] {
  if ('steps' in order) return [...order.steps].sort((a, b) => a.seq - b.seq)
  return order.events.map((event, i) => ({ seq: i + 1, type: event.type, at: event.at, status: event.status, note: event.note }))
}

/** The order's steps, oldest first, the latest marked: what, when, who, and what it carried. */
function Steps({ order }: { order: OrderView | OrderDetail }) {
  const steps = stepsOf(order)
  const urls = 'photoUrls' in order ? order.photoUrls : undefined
  return (
    <View className='orders__steps' id='order-steps'>
      {steps.map((step, index) => (
        <View key={step.seq} className={`orders__step${index === steps.length - 1 ? ' orders__step--latest' : ''}`} data-event={step.type}>
          <Text className='orders__step-title'>{orderEventLabel(step.type, step.status)}</Text>
          <Text className='orders__meta'>{`${formatDateTime(step.at)}${step.actorName ? `　${step.actorName}` : ''}`}</Text>
          {step.decision && <Text>{DECISION_WORDS[step.decision]}</Text>}
          {step.satisfaction !== undefined && <Text>{`${starsText(step.satisfaction)} ${satisfactionWord(step.satisfaction)}`}</Text>}
          {step.comment && <Text>{step.comment}</Text>}
          {step.note && <Text>{step.note}</Text>}
          {step.credit && (
            <Text className='orders__meta'>{`志愿者记服务时长 ${step.credit.minutes} 分钟、积分 ${step.credit.points}`}</Text>
          )}
          {step.photos && step.photos.length > 0 && <ReportPhotos photos={step.photos} urls={urls} />}
        </View>
      ))}
    </View>
  )
}

/**
 * 点单详情 (orderDetail): where an order stands in words, who is coming, its slot and address, the steps so
 * far by name — and what the caller may do now. Its requester (requester-moves.tsx): 取消预约 while nobody
 * has taken it on, 确认完成 or 有异议 once it is reported done, then 评价. The grid's 网格员/网格长
 * (staff-moves.tsx, opened from 居民点单 or a 消息): 网格下单 and 我来服务 while booked, 裁定 once disputed.
 */
export default function OrderPage() {
  const id = routeParam(useRouter().params.id)
  const detail = useCall(async () => (await call(orderDetailContract, { orderId: id })).order, [id])
  usePullDownRefresh(() => void detail.reload().finally(() => Taro.stopPullDownRefresh()))
  const [told, setTold] = useState<string>()
  const order: OrderView | OrderDetail | undefined = detail.data ?? rememberedOrder(id)

  if (!order) return detail.error ? <ErrorView error={detail.error} onRetry={() => void detail.reload()} /> : <LoadingView />
  const full = detail.data
  const staffDid = (words: string) => {
    setTold(words)
    void detail.reload()
  }
  return (
    <View className='orders' id='order'>
      {told && (
        <View className='orders__card orders__hint' role='status' id='order-told'>
          {told}
        </View>
      )}
      <View className='orders__card'>
        <Text className='orders__meta'>当前进度</Text>
        <Text className={`orders__status orders__status--${order.status}`} id='order-status' data-status={order.status}>
          {ORDER_STATUS_LABELS[order.status]}
        </Text>
        {full?.claimant && (
          <Text id='order-claimant'>{`上门服务：${full.claimant.name}（${full.claimant.as === 'volunteer' ? '志愿者' : '网格员'}）`}</Text>
        )}
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
      {/* Moves wait for the detail: it says whether the caller is the one who booked it. */}
      {full?.viewerIs.includes('requester') && <RequesterMoves order={full} onChanged={() => void detail.reload()} />}
      {full?.viewerIs.includes('gridStaff') && (
        <>
          <SettleActions order={full} onDone={staffDid} />
          {canMakeOrderMove('dispatch', full.status) && (
            <View className='orders__card'>
              <DispatchActions order={full} onDone={staffDid} />
            </View>
          )}
        </>
      )}
      {full?.viewerIs.includes('requester') && (
        <Text className='orders__link' id='order-to-list' onClick={() => go(routes.myOrders)}>
          查看我的全部点单 ›
        </Text>
      )}
    </View>
  )
}
