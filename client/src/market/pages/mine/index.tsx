import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { cancelRedemptionContract, myRedemptionsContract, type MyRedemptionView } from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../../components/big-button'
import ConfirmDialog from '../../../components/confirm-dialog'
import LoadMore from '../../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import { usePagedList } from '../../../hooks/use-paged-list'
import { useReturnRefresh } from '../../../hooks/use-return-refresh'
import { formatDateTime } from '../../../labels/format'
import { go, routes } from '../../../routes'
import { asCallError, call, type CallError } from '../../../transport'
import { REDEMPTION_STATUS_LABELS } from '../../market-labels'
import '../../../orders/orders.scss'
import '../../market.scss'

function RedemptionCard({ redemption, onCancel }: { redemption: MyRedemptionView; onCancel: () => void }) {
  const waiting = redemption.status === 'requested'
  return (
    <View className='orders__card' id={`redemption-${redemption.id}`} data-status={redemption.status}>
      <View className='orders__head'>
        <Text className='orders__name'>{redemption.itemName}</Text>
        <Text className={`orders__chip${waiting ? ' orders__chip--booked' : ' orders__chip--cancelled'}`}>
          {REDEMPTION_STATUS_LABELS[redemption.status]}
        </Text>
      </View>
      <Text className='orders__meta'>{`${redemption.points} 分　${formatDateTime(redemption.requestedAt)} 兑换`}</Text>
      {waiting && redemption.code !== undefined && (
        <View className='market__code-box'>
          <Text className='orders__hint'>领取时请出示兑换码</Text>
          <Text className='market__code' id={`code-${redemption.id}`} aria-label={`兑换码 ${redemption.code.split('').join(' ')}`}>
            {redemption.code}
          </Text>
        </View>
      )}
      {redemption.status === 'refused' && redemption.reason && (
        <Text className='orders__hint'>{`退回原因：${redemption.reason}（积分已退还）`}</Text>
      )}
      {redemption.status === 'cancelled' && <Text className='orders__hint'>积分已退还</Text>}
      {redemption.status === 'handedOver' && redemption.endedAt !== undefined && (
        <Text className='orders__hint'>{`${formatDateTime(redemption.endedAt)} 已领取`}</Text>
      )}
      {waiting && (
        <BigButton kind='secondary' id={`cancel-${redemption.id}`} onClick={onCancel}>
          取消兑换
        </BigButton>
      )}
    </View>
  )
}

// 我的兑换: my redemptions, newest first; one waiting shows its hand-over code large, and may be cancelled
// (the points come back).
export default function MyRedemptionsPage() {
  const [cancelling, setCancelling] = useState<MyRedemptionView>()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  const list = usePagedList((cursor) => call(myRedemptionsContract, { cursor, limit: 20 }))
  useReturnRefresh(() => void list.reload())
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))

  const cancel = async () => {
    if (!cancelling) return
    setBusy(true)
    setFailure(undefined)
    try {
      await call(cancelRedemptionContract, { redemptionId: cancelling.id })
    } catch (error) {
      setFailure(asCallError(error))
    } finally {
      setBusy(false)
      setCancelling(undefined)
      void list.reload()
    }
  }

  if (list.firstLoad) return <LoadingView />
  if (list.items.length === 0 && list.error) return <ErrorView error={list.error} onRetry={() => void list.reload()} />
  if (list.items.length === 0) {
    return (
      <EmptyView text='您还没有兑换过'>
        <BigButton onClick={() => go(routes.market)}>去爱心超市</BigButton>
      </EmptyView>
    )
  }
  return (
    <View className='orders' id='my-redemptions'>
      {failure && (
        <View className='orders__error' role='alert'>
          {failure.message}
        </View>
      )}
      {list.items.map((redemption) => (
        <RedemptionCard key={redemption.id} redemption={redemption} onCancel={() => setCancelling(redemption)} />
      ))}
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loadingMore}
        error={list.error}
        onMore={() => void list.loadMore()}
        count={list.items.length}
      />
      <ConfirmDialog
        id='cancel-redemption-dialog'
        open={cancelling !== undefined}
        title='取消兑换'
        message={cancelling ? `取消“${cancelling.itemName}”的兑换？${cancelling.points} 爱心积分会退回给您。` : ''}
        confirmText='取消兑换'
        cancelText='不取消'
        danger
        busy={busy}
        onConfirm={() => void cancel()}
        onCancel={() => setCancelling(undefined)}
      />
    </View>
  )
}
