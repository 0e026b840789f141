import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { inboxContract, type InboxItem } from '@pingan/shared/contracts'
import { useState } from 'react'

import LoadMore from '../../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import ReportCard from '../../../components/report-card'
import { usePagedList } from '../../../hooks/use-paged-list'
import { useReturnRefresh } from '../../../hooks/use-return-refresh'
import { formatDeadline } from '../../../labels/format'
import { go, routes } from '../../../routes'
import { call } from '../../../transport'
import './index.scss'

type Filter = 'submitted' | 'all'

const FILTERS: { key: Filter; label: string }[] = [
  { key: 'submitted', label: '待受理' },
  { key: 'all', label: '全部待办' },
]

function CaseExtra({ item, now }: { item: InboxItem; now: number }) {
  return (
    <View className='staff-inbox__extra'>
      <Text className={`staff-inbox__deadline${item.light ? ` staff-inbox__deadline--${item.light}` : ''}`}>
        {formatDeadline(item.deadline, now)}
      </Text>
      {item.anonymous && <Text className='staff-inbox__tag'>匿名</Text>}
      {item.supervisionPending && <Text className='staff-inbox__tag staff-inbox__tag--alert'>督办待回复</Text>}
    </View>
  )
}

// 待办案卷 (grid worker's inbox): open cases with their lights and deadlines, 20 a page, filterable to
// those waiting for acceptance (受理).
export default function StaffInboxPage() {
  const [filter, setFilter] = useState<Filter>('submitted')
  const list = usePagedList(
    async (cursor) => call(inboxContract, { cursor, limit: 20, ...(filter === 'all' ? {} : { status: filter }) }),
    [filter],
  )
  useReturnRefresh(() => void list.reload())
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  const now = Date.now()

  return (
    <View className='staff-inbox'>
      <View className='staff-inbox__filters'>
        {FILTERS.map((f) => (
          <View
            key={f.key}
            id={`filter-${f.key}`}
            className={`staff-inbox__filter${filter === f.key ? ' staff-inbox__filter--on' : ''}`}
            onClick={() => setFilter(f.key)}
          >
            <Text>{f.label}</Text>
          </View>
        ))}
      </View>
      {list.firstLoad ? (
        <LoadingView />
      ) : list.items.length === 0 && list.error ? (
        <ErrorView error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyView text={filter === 'submitted' ? '没有待受理的上报' : '没有待办案卷'} />
      ) : (
        <>
          {list.items.map((item) => (
            <ReportCard key={item.id} report={item} onOpen={(id) => go(routes.staffCase(id))} extra={<CaseExtra item={item} now={now} />} />
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
