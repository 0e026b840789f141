import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { marketItemsContract } from '@pingan/shared/contracts'
import { useState } from 'react'

import { ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { call } from '../../../transport'
import ItemManager from './item-manager'
import RedemptionDesk from './redemption-desk'
import '../../../orders/orders.scss'
import '../../../market/market.scss'

type Tab = 'desk' | 'items'

// 爱心超市 for the community's staff: 兑换核销 (residents' redemptions to hand over against their code) and,
// for those who run it (the community centre, its 网格长), 物品管理. No list of residents by their points.
export default function StaffMarketPage() {
  const [tab, setTab] = useState<Tab>('desk')
  const [round, setRound] = useState(0)
  const access = useCall(() => call(marketItemsContract, { limit: 1 }))
  usePullDownRefresh(() => {
    setRound((n) => n + 1)
    Taro.stopPullDownRefresh()
  })
  if (access.loading && !access.data) return <LoadingView />
  if (!access.data && access.error) return <ErrorView error={access.error} onRetry={() => void access.reload()} />
  const mayManage = access.data?.mayManage ?? false
  return (
    <View className='orders' id='staff-market'>
      {mayManage && (
        <View className='market__tabs orders__choices'>
          {(['desk', 'items'] as const).map((key) => (
            <View
              key={key}
              id={`tab-${key}`}
              className={`orders__choice${tab === key ? ' orders__choice--chosen' : ''}`}
              onClick={() => setTab(key)}
            >
              {key === 'desk' ? '兑换核销' : '物品管理'}
            </View>
          ))}
        </View>
      )}
      {tab === 'items' && mayManage ? <ItemManager key={round} /> : <RedemptionDesk key={round} />}
    </View>
  )
}
