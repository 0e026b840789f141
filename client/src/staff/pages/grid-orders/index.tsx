import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { dispatchOrderContract, gridOrdersContract, type GridOrderItem } from '@pingan/shared/contracts'
import { canMakeOrderMove, type OrderStatus } from '@pingan/shared/service'
import { useState } from 'react'

import BigButton from '../../../components/big-button'
import ConfirmDialog from '../../../components/confirm-dialog'
import LoadMore from '../../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import { usePagedList } from '../../../hooks/use-paged-list'
import { useReturnRefresh } from '../../../hooks/use-return-refresh'
import { ORDER_STATUS_SHORT } from '../../../labels/order-labels'
import OrderCard from '../../../orders/order-card'
import { routeParam } from '../../../routes'
import { asCallError, call, type CallError } from '../../../transport'
import '../../../orders/orders.scss'
import './index.scss'

/** The lists a grid worker looks at, the ones to act on first. */
const TABS: readonly OrderStatus[] = ['booked', 'posted', 'claimed', 'completed', 'disputed', 'confirmed', 'rated', 'cancelled']

type Mode = 'hall' | 'self'

const MODE_WORDS: Record<Mode, { button: string; title: string; message: string; done: string }> = {
  hall: {
    button: '网格下单（发到任务大厅）',
    title: '发到任务大厅？',
    message: '本网格的志愿者和党员可以在任务大厅接单，接单后按时上门。',
    done: '已发到任务大厅',
  },
  self: {
    button: '我来服务',
    title: '由您亲自上门服务？',
    message: '这个点单会记在您名下，请按预约时间上门。',
    done: '已安排您上门服务',
  },
}

/** Who booked it and what they asked, for the staff who will serve it. */
function Requester({ item }: { item: GridOrderItem }) {
  return (
    <View className='orders__rows'>
      <Text className='grid-orders__who'>{`预约人：${item.requesterName ?? '居民'}`}</Text>
      {item.note && <Text>{`备注：${item.note}`}</Text>}
    </View>
  )
}

/** 网格下单 and 我来服务, each offered while the table allows it from the order's status, asked once more. */
function DispatchActions({ item, onDone }: { item: GridOrderItem; onDone: (words: string) => void }) {
  const [asking, setAsking] = useState<Mode>()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  const modes = (['hall', 'self'] as const).filter((mode) => canMakeOrderMove(mode === 'hall' ? 'dispatch' : 'serve', item.status))
  if (modes.length === 0) return null
  const run = async (mode: Mode) => {
    setBusy(true)
    try {
      await call(dispatchOrderContract, { orderId: item.id, mode })
      setAsking(undefined)
      onDone(MODE_WORDS[mode].done)
    } catch (error) {
      setFailure(asCallError(error))
      setAsking(undefined)
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
      {modes.map((mode) => (
        <BigButton
          key={mode}
          id={`${mode === 'hall' ? 'dispatch' : 'serve'}-${item.id}`}
          kind={mode === 'hall' ? 'primary' : 'secondary'}
          onClick={() => setAsking(mode)}
        >
          {MODE_WORDS[mode].button}
        </BigButton>
      ))}
      <ConfirmDialog
        id={`confirm-dispatch-${item.id}`}
        open={asking !== undefined}
        title={asking ? MODE_WORDS[asking].title : ''}
        message={asking ? MODE_WORDS[asking].message : undefined}
        confirmText='确定'
        busy={busy}
        onConfirm={() => asking && void run(asking)}
        onCancel={() => setAsking(undefined)}
      />
    </View>
  )
}

/**
 * 网格点单: a grid's orders by status (`?grid=<code>&name=<grid name>`), newest first — for its 网格员 and
 * 网格长 the booked ones to turn into a task in the hall (网格下单) or to serve herself (我来服务).
 */
export default function StaffGridOrdersPage() {
  const params = useRouter().params
  const grid = routeParam(params.grid)
  const name = routeParam(params.name)
  const [status, setStatus] = useState<OrderStatus>('booked')
  const [told, setTold] = useState<string>()
  const list = usePagedList((cursor) => call(gridOrdersContract, { gridCode: grid, status, cursor, limit: 20 }), [grid, status])
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  useReturnRefresh(() => void list.reload())

  return (
    <View className='orders grid-orders' id='grid-orders'>
      <View className='orders__card'>
        <Text className='orders__title'>{`${name || grid}的居民点单`}</Text>
        <Text className='orders__hint'>居民预约的服务：发到任务大厅由志愿者接单，或由您亲自上门。</Text>
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
            <Text>{ORDER_STATUS_SHORT[tab]}</Text>
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
        <EmptyView text={`没有“${ORDER_STATUS_SHORT[status]}”的点单`} />
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
                    item={item}
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
