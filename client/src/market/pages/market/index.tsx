import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { marketItemsContract, redeemItemContract, type MarketItemView } from '@pingan/shared/contracts'
import { useRef, useState } from 'react'

import BigButton from '../../../components/big-button'
import ConfirmDialog from '../../../components/confirm-dialog'
import LoadMore from '../../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import { usePagedList } from '../../../hooks/use-paged-list'
import { useReturnRefresh } from '../../../hooks/use-return-refresh'
import { newIdempotencyKey } from '../../../report-draft/draft'
import { go, routes } from '../../../routes'
import { asCallError, call, type CallError } from '../../../transport'
import { stockText } from '../../market-labels'
import '../../../orders/orders.scss'
import '../../market.scss'

/** Why an item cannot be taken now, or undefined when it can. */
function blockedWhy(item: MarketItemView, balance: number): string | undefined {
  if (item.stock <= 0) return '已兑完'
  if (item.perPersonLimit !== undefined && item.mine >= item.perPersonLimit) return '您已兑满'
  if (balance < item.pricePoints) return '积分不够'
  return undefined
}

function ItemCard({ item, balance, onRedeem }: { item: MarketItemView; balance: number; onRedeem: () => void }) {
  const blocked = blockedWhy(item, balance)
  return (
    <View className='orders__card' id={`item-${item.id}`}>
      <View className='orders__head'>
        <Text className='orders__name'>{item.name}</Text>
        <Text className='market__price'>{`${item.pricePoints} 分`}</Text>
      </View>
      {item.description !== '' && <Text className='orders__hint'>{item.description}</Text>}
      <Text className='orders__meta'>
        {stockText(item.stock)}
        {item.perPersonLimit !== undefined ? `　每人限兑 ${item.perPersonLimit} 件${item.mine > 0 ? `（已兑 ${item.mine}）` : ''}` : ''}
      </Text>
      <BigButton id={`redeem-${item.id}`} kind={blocked ? 'secondary' : 'primary'} disabled={blocked !== undefined} onClick={onRedeem}>
        {blocked ?? '兑换'}
      </BigButton>
    </View>
  )
}

// 爱心超市: what my community offers for 爱心积分, cheapest first, with my balance; 兑换 asks once more,
// then the code to show at the hand-over is on 我的兑换. Nobody's points but mine are shown here.
export default function MarketPage() {
  const [balance, setBalance] = useState<number>()
  const [asking, setAsking] = useState<MarketItemView>()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  const key = useRef('')
  const list = usePagedList(async (cursor) => {
    const page = await call(marketItemsContract, { cursor, limit: 20 })
    if (cursor === undefined) setBalance(page.pointBalance)
    return page
  })
  useReturnRefresh(() => void list.reload())
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))

  const ask = (item: MarketItemView) => {
    // One key per confirm: a retry of this confirm is the same redemption, never a second one.
    key.current = newIdempotencyKey(Date.now())
    setFailure(undefined)
    setAsking(item)
  }
  const redeem = async () => {
    if (!asking) return
    setBusy(true)
    try {
      await call(redeemItemContract, { itemId: asking.id, idempotencyKey: key.current })
      setAsking(undefined)
      go(routes.myRedemptions)
    } catch (error) {
      setFailure(asCallError(error))
      setAsking(undefined)
      void list.reload()
    } finally {
      setBusy(false)
    }
  }

  if (list.firstLoad) return <LoadingView />
  if (list.items.length === 0 && list.error) return <ErrorView error={list.error} onRetry={() => void list.reload()} />
  const points = balance ?? 0
  return (
    <View className='orders' id='market'>
      <View className='orders__card'>
        <View className='market__balance'>
          <Text className='orders__label'>我的爱心积分</Text>
          <Text className='market__balance-value' id='market-balance' data-value={points}>{`${points} 分`}</Text>
        </View>
        <Text className='orders__hint'>上报问题被受理为有效、参加志愿服务都能得到爱心积分。兑换后到社区服务站出示兑换码领取。</Text>
        <Text className='orders__link' id='open-my-redemptions' onClick={() => go(routes.myRedemptions)}>
          我的兑换（领取用的兑换码）›
        </Text>
      </View>
      {failure && (
        <View className='orders__error' role='alert' id='redeem-error'>
          {failure.message}
        </View>
      )}
      {list.items.length === 0 ? (
        <EmptyView text='社区的爱心超市还没有可兑换的物品' />
      ) : (
        list.items.map((item) => <ItemCard key={item.id} item={item} balance={points} onRedeem={() => ask(item)} />)
      )}
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loadingMore}
        error={list.error}
        onMore={() => void list.loadMore()}
        count={list.items.length}
      />
      <ConfirmDialog
        id='redeem-dialog'
        open={asking !== undefined}
        title='确认兑换'
        message={asking ? `用 ${asking.pricePoints} 爱心积分兑换“${asking.name}”？兑换后积分扣除，领取前可以取消。` : ''}
        confirmText='兑换'
        busy={busy}
        onConfirm={() => void redeem()}
        onCancel={() => setAsking(undefined)}
      />
    </View>
  )
}
