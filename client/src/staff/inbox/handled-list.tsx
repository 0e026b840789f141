import { Text, View } from '@tarojs/components'
import { myHandledContract, type HandledItem } from '@pingan/shared/contracts'
import { useState } from 'react'

import LoadMore from '../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../components/page-state'
import ReportCard from '../../components/report-card'
import { usePagedList } from '../../hooks/use-paged-list'
import { formatDateTime } from '../../labels/format'
import { call } from '../../transport'

/** 本周已办: the cases the caller resolved since Monday (myHandled), latest first, a page at a time. */
export default function HandledList({ onOpen }: { onOpen: (id: string) => void }) {
  const [since, setSince] = useState<number>()
  const list = usePagedList(async (cursor) => {
    const page = await call(myHandledContract, { cursor, limit: 20 })
    setSince(page.since)
    return page
  })
  if (list.firstLoad) return <LoadingView />
  if (list.items.length === 0 && list.error) return <ErrorView error={list.error} onRetry={() => void list.reload()} />
  if (list.items.length === 0) return <EmptyView text='本周还没有办结的案卷' />
  return (
    <View id='handled-list'>
      {since !== undefined && <Text className='staff-inbox__since'>从 {formatDateTime(since)} 起办结的案卷</Text>}
      {list.items.map((item: HandledItem) => (
        <ReportCard
          key={item.id}
          report={item}
          onOpen={onOpen}
          extra={<Text className='staff-inbox__deadline'>办结于 {formatDateTime(item.resolvedAt)}</Text>}
        />
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
