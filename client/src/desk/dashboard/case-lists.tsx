import { inboxContract, supervisionListContract, type InboxItem, type SupervisionItem } from '@pingan/shared/contracts'

import LoadMore from '../../components/load-more'
import { ErrorView, LoadingView } from '../../components/page-state'
import ReportCard from '../../components/report-card'
import { usePagedList } from '../../hooks/use-paged-list'
import { formatDateTime, formatDeadline } from '../../labels/format'
import { go, routes } from '../../routes'
import { call } from '../../transport'

const openCase = (id: string) => go(routes.staffCase(id))

function Cards<T extends InboxItem>({ items, extra }: { items: readonly T[]; extra: (item: T) => string }) {
  const now = Date.now()
  return (
    <div className='dashboard__cases'>
      {items.map((item) => (
        <ReportCard
          key={item.id}
          report={item}
          onOpen={openCase}
          extra={
            <p className={`dashboard__case-note dashboard__case-note--${item.light ?? 'none'}`}>
              {formatDeadline(item.deadline, now)}
              {extra(item) && ` · ${extra(item)}`}
            </p>
          }
        />
      ))}
    </div>
  )
}

/** 督办清单: the caller centre's red or unanswered-督办 cases one level below it, the longest listed first. */
export function SupervisionPanel() {
  const list = usePagedList((cursor) => call(supervisionListContract, { limit: 10, ...(cursor && { cursor }) }))
  if (list.firstLoad) return list.error ? <ErrorView error={list.error} onRetry={() => void list.reload()} /> : <LoadingView />
  return (
    <>
      {list.items.length === 0 && <p className='dashboard__hint'>没有需要督办的案卷</p>}
      <Cards
        items={list.items as SupervisionItem[]}
        extra={(item) =>
          [
            item.supervision.unanswered > 0 ? `督办待回复 ${item.supervision.unanswered} 次` : '',
            `列入督办 ${formatDateTime(item.supervision.listedSince)}`,
          ]
            .filter(Boolean)
            .join(' · ')
        }
      />
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loadingMore}
        error={list.error}
        onMore={() => void list.loadMore()}
        count={list.items.length}
      />
    </>
  )
}

/** A grid's open cases (the inbox, for the centre above it), nearest deadline first; a card opens the case page. */
export function GridCases({ gridCode }: { gridCode: string }) {
  const list = usePagedList((cursor) => call(inboxContract, { scope: 'area', gridCode, limit: 20, ...(cursor && { cursor }) }), [gridCode])
  if (list.firstLoad) return list.error ? <ErrorView error={list.error} onRetry={() => void list.reload()} /> : <LoadingView />
  return (
    <div id='grid-cases'>
      {list.items.length === 0 && <p className='dashboard__hint'>这个网格没有未办结的案卷</p>}
      <Cards items={list.items} extra={(item) => (item.assigneeName ? `办理人：${item.assigneeName}` : '')} />
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loadingMore}
        error={list.error}
        onMore={() => void list.loadMore()}
        count={list.items.length}
      />
    </div>
  )
}
