import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { ASSIGN_REPORTS_MAX, inboxContract, workbenchContract, type InboxItem } from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../../components/big-button'
import LoadMore from '../../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import HelpAlerts from '../../../help/help-alerts'
import { useCall } from '../../../hooks/use-call'
import { useCatalog } from '../../../hooks/use-catalog'
import { usePagedList } from '../../../hooks/use-paged-list'
import { useReturnRefresh } from '../../../hooks/use-return-refresh'
import { go, routes } from '../../../routes'
import { call } from '../../../transport'
import CaseView from '../../case/case-view'
import BulkAssign, { bulkSummary } from '../../inbox/bulk-assign'
import CaseRow from '../../inbox/case-row'
import HandledList from '../../inbox/handled-list'
import InboxFilters from '../../inbox/inbox-filters'
import { paramsOf, queryFromParams, requestOf, type InboxQuery } from '../../inbox/inbox-query'
import { useWide } from '../../layout/use-wide'
import './index.scss'

type Tab = 'todo' | 'handled'
type Bulk = { ids: string[]; grid: string | undefined; assigning: boolean }

/** The caller's grids, by name, and whether they are a centre, from their workbench (a centre has no grids). */
function useMyPlaces() {
  const bench = useCall(() => call(workbenchContract, {}))
  const data = bench.data
  return { grids: data && 'grids' in data ? data.grids : [], centre: data?.kind === 'centre' }
}

/** Whether a case can join a 批量派单 that holds `bulk`: one grid's cases, up to the call's limit. */
function pickable(bulk: Bulk, item: InboxItem): boolean {
  if (bulk.ids.includes(item.id)) return true
  return bulk.ids.length < ASSIGN_REPORTS_MAX && (bulk.grid === undefined || bulk.grid === item.ownerCode)
}

// 待办案卷: open cases with their lights and deadlines, filtered and ordered as the staff member picks,
// 20 a page; 批量派单 of 待派单 cases; 本周已办. On a wide screen the open case sits beside the list.
export default function StaffInboxPage() {
  const params = useRouter().params
  const [query, setQuery] = useState<InboxQuery>(() => queryFromParams(params))
  const [tab, setTab] = useState<Tab>('todo')
  const [openId, setOpenId] = useState<string>()
  const [bulk, setBulk] = useState<Bulk>()
  const [bulkResult, setBulkResult] = useState<string[]>()
  const wide = useWide()
  const places = useMyPlaces()
  const categories = useCatalog().data?.categories ?? []
  const list = usePagedList(async (cursor) => call(inboxContract, { cursor, limit: 20, ...requestOf(query) }), [paramsOf(query)])
  useReturnRefresh(() => void list.reload())
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  const now = Date.now()

  const open = (id: string) => (wide ? setOpenId(id) : go(routes.staffCase(id)))
  const changeQuery = (next: InboxQuery) => {
    setQuery(next)
    setBulk(undefined)
  }
  const toggle = (item: InboxItem) =>
    setBulk((b) => {
      if (!b) return b
      const ids = b.ids.includes(item.id) ? b.ids.filter((id) => id !== item.id) : [...b.ids, item.id]
      return { ...b, ids, grid: ids.length === 0 ? undefined : (b.grid ?? item.ownerCode) }
    })
  const bulkDone = (results: Parameters<typeof bulkSummary>[0]) => {
    setBulk(undefined)
    setBulkResult(bulkSummary(results))
    void list.reload()
  }
  const canBulk = tab === 'todo' && query.status === 'accepted' && list.items.length > 0

  const cases = list.firstLoad ? (
    <LoadingView />
  ) : list.items.length === 0 && list.error ? (
    <ErrorView error={list.error} onRetry={() => void list.reload()} />
  ) : list.items.length === 0 ? (
    <EmptyView text={query.status === 'submitted' ? '没有待受理的上报' : '没有符合条件的案卷'} />
  ) : (
    <>
      {list.items.map((item) => (
        <CaseRow
          key={item.id}
          item={item}
          now={now}
          onOpen={open}
          current={wide && item.id === openId}
          {...(bulk && { select: { picked: bulk.ids.includes(item.id), disabled: !pickable(bulk, item), onToggle: () => toggle(item) } })}
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
  )

  return (
    <View className={`staff-inbox${wide ? ' staff-inbox--wide' : ''}`}>
      <View className='staff-inbox__list' id='inbox-list'>
        <HelpAlerts />
        <View className='staff-inbox__tabs' role='tablist'>
          {(['todo', 'handled'] as const).map((t) => (
            <View
              key={t}
              id={`tab-${t}`}
              role='tab'
              aria-selected={tab === t}
              className={`staff-inbox__tab${tab === t ? ' staff-inbox__tab--on' : ''}`}
              onClick={() => setTab(t)}
            >
              <Text>{t === 'todo' ? '待办案卷' : '本周已办'}</Text>
            </View>
          ))}
        </View>
        {tab === 'handled' ? (
          <HandledList onOpen={open} />
        ) : (
          <>
            <InboxFilters query={query} onChange={changeQuery} categories={categories} grids={places.grids} centre={places.centre} />
            {bulkResult && (
              <View className='staff-inbox__notice' id='bulk-result' onClick={() => setBulkResult(undefined)}>
                {bulkResult.map((line) => (
                  <Text key={line}>{line}</Text>
                ))}
              </View>
            )}
            {canBulk && !bulk && (
              <View className='staff-inbox__bulk-start'>
                <BigButton id='start-bulk' kind='secondary' onClick={() => setBulk({ ids: [], grid: undefined, assigning: false })}>
                  批量派单
                </BigButton>
              </View>
            )}
            {bulk && (
              <View className='staff-inbox__bulk-bar' id='bulk-bar'>
                <Text>
                  已选 {bulk.ids.length} 件（最多 {ASSIGN_REPORTS_MAX} 件，同一网格）
                </Text>
                <View className='staff-inbox__bulk-buttons'>
                  <BigButton id='bulk-next' disabled={bulk.ids.length === 0} onClick={() => setBulk({ ...bulk, assigning: true })}>
                    派给…
                  </BigButton>
                  <BigButton kind='secondary' onClick={() => setBulk(undefined)}>
                    取消
                  </BigButton>
                </View>
              </View>
            )}
            {bulk?.assigning ? (
              <BulkAssign reportIds={bulk.ids} onDone={bulkDone} onCancel={() => setBulk({ ...bulk, assigning: false })} />
            ) : (
              cases
            )}
          </>
        )}
      </View>
      {wide && (
        <View className='staff-inbox__case' id='inbox-case'>
          {openId ? (
            <CaseView reportId={openId} onChanged={() => void list.reload()} />
          ) : (
            <EmptyView text='点左边的一件案卷，在这里查看和办理' />
          )}
        </View>
      )}
    </View>
  )
}
