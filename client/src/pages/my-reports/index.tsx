import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { myReportsContract } from '@pingan/shared/contracts'

import BigButton from '../../components/big-button'
import LoadMore from '../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../components/page-state'
import ReportCard from '../../components/report-card'
import { usePagedList } from '../../hooks/use-paged-list'
import { useReturnRefresh } from '../../hooks/use-return-refresh'
import { go, routes } from '../../routes'
import { call } from '../../transport'
import './index.scss'

// 我的上报: my reports, newest first, with their state and light; 20 at a time.
export default function MyReportsPage() {
  const list = usePagedList(async (cursor) => call(myReportsContract, { cursor, limit: 20 }))
  useReturnRefresh(() => void list.reload())
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))

  if (list.firstLoad) return <LoadingView />
  if (list.items.length === 0 && list.error) return <ErrorView error={list.error} onRetry={() => void list.reload()} />
  if (list.items.length === 0) {
    return (
      <EmptyView text='您还没有上报过问题'>
        <BigButton onClick={() => go(routes.reportNew())}>随手拍一个</BigButton>
      </EmptyView>
    )
  }
  return (
    <View className='my-reports'>
      {list.items.map((report) => (
        <ReportCard key={report.id} report={report} onOpen={(id) => go(routes.report(id))} />
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
