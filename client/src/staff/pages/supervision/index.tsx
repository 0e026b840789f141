import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { supervisionListContract, type SupervisionItem } from '@pingan/shared/contracts'

import LoadMore from '../../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import ReportCard from '../../../components/report-card'
import { usePagedList } from '../../../hooks/use-paged-list'
import { useReturnRefresh } from '../../../hooks/use-return-refresh'
import { formatSpan } from '../../../labels/format'
import { ownerText } from '../../../labels/owner-labels'
import { go, routes } from '../../../routes'
import { call } from '../../../transport'
import './index.scss'

/** How long something has lasted, in days and hours (or minutes under an hour). */
export function spanText(since: number, now: number): string {
  return formatSpan(now - since)
}

/** The lines under a listed case: who owns it, how long red, the 督办 notes sent and unanswered. */
function SupervisionLines({ item, now }: { item: SupervisionItem; now: number }) {
  const { sent, unanswered, redSince } = item.supervision
  return (
    <View className='staff-supervision__lines'>
      {/* The card names a named owner; one a case moved up to is named here by level and code. */}
      {!item.ownerName && <Text className='staff-supervision__owner'>办理单位：{ownerText(item)}</Text>}
      <View className='staff-supervision__tags'>
        {redSince !== null ? (
          <Text className='staff-supervision__red'>严重超时 {spanText(redSince, now)}</Text>
        ) : (
          <Text className='staff-supervision__tag'>未严重超时</Text>
        )}
        <Text className='staff-supervision__tag'>{sent > 0 ? `已督办 ${sent} 次` : '尚未督办'}</Text>
        {unanswered > 0 && <Text className='staff-supervision__unanswered'>{unanswered} 条督办待回复</Text>}
        {item.assigneeName && <Text className='staff-supervision__tag'>办理人 {item.assigneeName}</Text>}
      </View>
    </View>
  )
}

/**
 * 督办清单: a centre's list (supervisionList) — the cases owned one level below it that are red, or hold a
 * 督办 not yet answered — the longest listed first. A tap opens the case page, where 督办 is written.
 */
export default function StaffSupervisionPage() {
  const list = usePagedList((cursor) => call(supervisionListContract, { cursor, limit: 20 }))
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  // Back from a case (a 督办 just sent) the list has moved.
  useReturnRefresh(() => void list.reload())
  if (list.firstLoad) return <LoadingView />
  if (list.items.length === 0 && list.error) return <ErrorView error={list.error} onRetry={() => void list.reload()} />
  const now = Date.now()
  return (
    <View className='staff-supervision' id='staff-supervision'>
      <Text className='staff-supervision__intro'>下级承办、已严重超时或督办尚未回复的案卷，超时最久的在前。点开案卷可以督办。</Text>
      {list.items.length === 0 && <EmptyView text='没有需要督办的案卷' />}
      {list.items.map((item) => (
        <View key={item.id} className='staff-supervision__row' id={`supervision-${item.id}`}>
          <ReportCard report={item} onOpen={(id) => go(routes.staffCase(id))} extra={<SupervisionLines item={item} now={now} />} />
        </View>
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
