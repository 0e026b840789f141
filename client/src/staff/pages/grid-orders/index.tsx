import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { gridOrdersContract, type GridOrderItem } from '@pingan/shared/contracts'
import { canMakeOrderMove, type OrderStatus } from '@pingan/shared/service'
import { useState } from 'react'

import LoadMore from '../../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import { usePagedList } from '../../../hooks/use-paged-list'
import { useReturnRefresh } from '../../../hooks/use-return-refresh'
import { ORDER_STATUS_SHORT } from '../../../labels/order-labels'
import OrderCard from '../../../orders/order-card'
import { DispatchActions } from '../../../orders/staff-moves'
import { go, routeParam, routes } from '../../../routes'
import { call } from '../../../transport'
import '../../../orders/orders.scss'
import './index.scss'

/** The lists a grid worker looks at: all of them, what waits on her first (gridOrders without a status), then one status each. */
type Tab = OrderStatus | 'all'
const TABS: readonly Tab[] = ['all', 'booked', 'disputed', 'posted', 'claimed', 'completed', 'confirmed', 'rated', 'cancelled']
const TAB_WORDS: Record<Tab, string> = { ...ORDER_STATUS_SHORT, all: '全部' }

/** Who booked it and what they asked, for the staff who will serve it, and the way to the order page (裁定 there). */
function Requester({ item }: { item: GridOrderItem }) {
  return (
    <View className='orders__rows'>
      <Text className='grid-orders__who'>{`预约人：${item.requesterName ?? '居民'}`}</Text>
      {item.note && <Text>{`备注：${item.note}`}</Text>}
      <Text className='orders__link' id={`open-${item.id}`} onClick={() => go(routes.order(item.id))}>
        {canMakeOrderMove('settle', item.status) ? '居民有异议，去裁定 ›' : '查看点单详情 ›'}
      </Text>
    </View>
  )
}

/**
 * 网格点单: a grid's orders (`?grid=<code>&name=<grid name>`) — all of them, what waits on the staff first
 * (booked to dispatch, disputed to settle), or one status's newest first — with 网格下单 and 我来服务 on a
 * booked one, and each order's page (裁定 of a disputed one is there).
 */
export default function StaffGridOrdersPage() {
  const params = useRouter().params
  const grid = routeParam(params.grid)
  const name = routeParam(params.name)
  const [status, setStatus] = useState<Tab>('all')
  const [told, setTold] = useState<string>()
  const list = usePagedList(
    (cursor) => call(gridOrdersContract, { gridCode: grid, ...(status !== 'all' && { status }), cursor, limit: 20 }),
    [grid, status],
  )
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  useReturnRefresh(() => void list.reload())

  return (
    <View className='orders grid-orders' id='grid-orders'>
      <View className='orders__card'>
        <Text className='orders__title'>{`${name || grid}的居民点单`}</Text>
        <Text className='orders__hint'>居民预约的服务：发到任务大厅由志愿者接单，或由您亲自上门。待派单和有异议的排在前面。</Text>
      </View>
      <View className='grid-orders__tabs' role='tablist'>
        {TABS.map((tab) => (
          <View
            key={tab}
            id={`tab-${tab}`}
            role='tab'
            aria-selected={tab === status}
            className={`grid-orders__tab${tab === status ? ' grid-orders__tab--chosen' : ''}`}
            onClick={() => {
              setTold(undefined)
              setStatus(tab)
            }}
          >
            <Text>{TAB_WORDS[tab]}</Text>
          </View>
        ))}
      </View>
      {told && (
        <View className='orders__hint' id='dispatch-told' role='status'>
          {told}
        </View>
      )}
      {list.firstLoad ? (
        <LoadingView />
      ) : list.items.length === 0 && list.error ? (
        <ErrorView error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyView text={status === 'all' ? '本网格还没有居民点单' : `没有“${TAB_WORDS[status]}”的点单`} />
      ) : (
        <>
          {list.items.map((item) => (
            <OrderCard
              key={item.id}
              order={item}
              extra={
                <>
                  <Requester item={item} />
                  <DispatchActions
                    order={item}
                    onDone={(words) => {
                      setTold(`${item.title}：${words}`)
                      void list.reload()
                    }}
                  />
                </>
              }
            />
          ))}
          <LoadMore
            hasMore={list.hasMore}
            loading={list.loadingMore}
            error={list.error}
            onMore={() => void list.loadMore()}
            count={list.items.length}
          />
        </>
      )}
    </View>
  )
}
