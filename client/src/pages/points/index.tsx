import { Text, View } from '@tarojs/components'
import { myPointsContract, type ResponseOf } from '@pingan/shared/contracts'
import { useState } from 'react'

import LoadMore from '../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../components/page-state'
import { useMe } from '../../hooks/use-me'
import { usePagedList } from '../../hooks/use-paged-list'
import { formatYuan } from '../../labels/format'
import { go, routes } from '../../routes'
import { call } from '../../transport'
import LedgerLine from './ledger-line'
import MarketLink from './market-link'
import './index.scss'

type Balances = Pick<ResponseOf<typeof myPointsContract>, 'fenBalance' | 'pointBalance'>

// 我的积分: community points (爱心积分) and, for informants, reward money (以奖代补) with the way to their
// informant home (today, this month, 结算单), then the ledger, each line saying why.
export default function PointsPage() {
  const [balances, setBalances] = useState<Balances>()
  // Reward money (奖励金) is an informant's: the words about its settlement are for them alone.
  const informant = useMe().data?.roles.includes('informant') ?? false
  const list = usePagedList(async (cursor) => {
    const page = await call(myPointsContract, { cursor, limit: 20 })
    if (cursor === undefined) setBalances({ fenBalance: page.fenBalance, pointBalance: page.pointBalance })
    return { items: page.entries, nextCursor: page.nextCursor }
  })

  if (list.firstLoad) return <LoadingView />
  if (!balances && list.error) return <ErrorView error={list.error} onRetry={() => void list.reload()} />
  return (
    <View className='points'>
      <View className='points__balances'>
        <View className='points__balance' id='point-balance' data-value={balances?.pointBalance ?? 0}>
          <Text className='points__balance-label'>爱心积分</Text>
          <Text className='points__balance-value'>{balances?.pointBalance ?? 0} 分</Text>
        </View>
        {(balances?.fenBalance ?? 0) !== 0 && (
          <View className='points__balance' id='fen-balance' data-value={balances?.fenBalance ?? 0}>
            <Text className='points__balance-label'>信息员奖励金</Text>
            <Text className='points__balance-value'>{formatYuan(balances?.fenBalance ?? 0)} 元</Text>
          </View>
        )}
      </View>
      {informant ? (
        <View className='points__informant'>
          <Text className='points__hint'>在批准的网格上报，受理为有效得奖励金，每月 1 日结算上个月的；其他上报得爱心积分。</Text>
          <Text className='points__link' id='open-informant-home' onClick={() => go(routes.informantHome)}>
            信息员：今天、本月和结算单 ›
          </Text>
        </View>
      ) : (
        <Text className='points__hint'>上报的问题被受理为有效，就会得到爱心积分。</Text>
      )}
      <MarketLink />
      {list.items.length === 0 ? (
        <EmptyView text='还没有积分记录' />
      ) : (
        <View className='points__ledger'>
          {list.items.map((entry) => (
            <LedgerLine key={entry.id} entry={entry} />
          ))}
        </View>
      )}
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loadingMore}
        error={list.error}
        onMore={() => void list.loadMore()}
        count={list.items.length}
      />
    </View>
  )
}
