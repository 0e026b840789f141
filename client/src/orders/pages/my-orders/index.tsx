import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { myOrdersContract } from '@pingan/shared/contracts'

import BigButton from '../../../components/big-button'
import LoadMore from '../../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import { usePagedList } from '../../../hooks/use-paged-list'
import { useReturnRefresh } from '../../../hooks/use-return-refresh'
import { go, routes } from '../../../routes'
import { call } from '../../../transport'
import OrderCard from '../../order-card'
import { rememberOrders } from '../../order-source'
import '../../orders.scss'

// 我的点单: the services I booked, newest first, each with where it stands; a tap opens it.
export default function MyOrdersPage() {
  const list = usePagedList(async (cursor) => {
    const page = await call(myOrdersContract, { cursor, limit: 20 })
    rememberOrders(page.items)
    return page
  })
  useReturnRefresh(() => void list.reload())
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))

  if (list.firstLoad) return <LoadingView />
  if (list.items.length === 0 && list.error) return <ErrorView error={list.error} onRetry={() => void list.reload()} />
  if (list.items.length === 0) {
    return (
      <EmptyView text='您还没有预约过服务'>
        <BigButton onClick={() => go(routes.services)}>预约服务</BigButton>
      </EmptyView>
    )
  }
  return (
    <View className='orders' id='my-orders'>
      <Text className='orders__hint'>点开一条可以看进度；还没有人接单时可以取消。</Text>
      {list.items.map((order) => (
        <OrderCard key={order.id} order={order} onOpen={() => go(routes.order(order.id))} />
      ))}
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
