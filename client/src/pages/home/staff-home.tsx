import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  inboxContract,
  regionShapesContract,
  workbenchContract,
  type InboxItem,
  type Workbench,
  type WorkbenchCounts,
} from '@pingan/shared/contracts'

import { ErrorView, LoadingView } from '../../components/page-state'
import ReportCard from '../../components/report-card'
import { useCall } from '../../hooks/use-call'
import { useReturnRefresh } from '../../hooks/use-return-refresh'
import { formatDeadline } from '../../labels/format'
import { go, routes } from '../../routes'
import { paramsOf, supervisionTileQuery, tileQuery, type InboxQuery } from '../../staff/inbox/inbox-query'
import { useWide } from '../../staff/layout/use-wide'
import { call } from '../../transport'
import './staff-home.scss'

/**
 * A count; with a query, tapping it opens the inbox on that query, with a page that page (网格警/网格医 have no
 * inbox: their counts only show).
 */
type Tile = { key: string; label: string; count: number; query?: Partial<InboxQuery>; page?: string; alert?: boolean }

/** The inbox filtered as a tile promises. */
function inboxUrl(query: Partial<InboxQuery>): string {
  const params = paramsOf(query)
  return params ? `${routes.staffInbox}?${params}` : routes.staffInbox
}

/**
 * The five counts, each opening the inbox on the count's own condition (tileQuery), so the list is exactly
 * as long as the number; without `opens` (a 网格警/网格医, who have no inbox) they only show.
 */
export function countTiles(counts: WorkbenchCounts, opens = true): Tile[] {
  const q = (tile: keyof WorkbenchCounts) => (opens ? { query: tileQuery(tile) } : {})
  return [
    { key: 'submitted', label: '待受理', count: counts.submitted, ...q('submitted') },
    { key: 'handling', label: '办理中', count: counts.handling, ...q('handling') },
    { key: 'resolved', label: '待核查', count: counts.resolved, ...q('resolved') },
    { key: 'due-soon', label: '即将超时', count: counts.dueSoon, ...q('dueSoon'), alert: counts.dueSoon > 0 },
    { key: 'overdue', label: '已超时', count: counts.overdue, ...q('overdue'), alert: counts.overdue > 0 },
  ]
}

function Tiles({ tiles, id }: { tiles: Tile[]; id: string }) {
  return (
    <View className='home__tiles' id={id}>
      {tiles.map((tile) => (
        <View
          key={tile.key}
          id={`count-${tile.key}`}
          data-count={tile.count}
          className={`home__tile${tile.alert ? ' home__tile--alert' : ''}`}
          onClick={() => {
            if (tile.page) go(tile.page)
            else if (tile.query) go(inboxUrl(tile.query))
          }}
        >
          <Text className='home__tile-count'>{tile.count}</Text>
          <Text className='home__tile-label'>{tile.label}</Text>
        </View>
      ))}
    </View>
  )
}

function CaseList({ items, title }: { items: readonly InboxItem[]; title: string }) {
  const now = Date.now()
  return (
    <View className='home__cases' id='home-cases'>
      <Text className='home__card-label'>{title}</Text>
      {items.length === 0 && <Text className='home__card-hint'>没有未办结的案卷</Text>}
      {items.map((item) => (
        <ReportCard
          key={item.id}
          report={item}
          onOpen={(id) => go(routes.staffCase(id))}
          extra={<Text className={`home__deadline home__deadline--${item.light ?? 'none'}`}>{formatDeadline(item.deadline, now)}</Text>}
        />
      ))}
    </View>
  )
}

/** A centre's area: every open case in its region with its light, nearest deadline first (the inbox's area scope). */
function AreaCases() {
  const page = useCall(() => call(inboxContract, { limit: 10, scope: 'area' }))
  if (page.data) return <CaseList items={page.data.items} title='辖区未办结案卷（最紧急的在前）' />
  return page.error ? <ErrorView error={page.error} onRetry={() => void page.reload()} /> : <LoadingView />
}

type SupervisedBench = Extract<Workbench, { kind: 'gridWorker' | 'gridLeader' | 'centre' }>

/**
 * 督办: the owner's 督办待回复 (its cases holding a 督办 not yet answered, opening the inbox on exactly those)
 * and, for a centre, its 督办清单 — the cases below it red or awaiting an answer — opening the list page.
 */
function SupervisionTiles({ bench }: { bench: SupervisedBench }) {
  const unanswered = bench.supervisionUnanswered
  const tiles: Tile[] = [
    { key: 'supervision-unanswered', label: '督办待回复', count: unanswered, query: supervisionTileQuery(), alert: unanswered > 0 },
  ]
  if (bench.kind === 'centre') {
    const { listed, red, unanswered: waiting } = bench.supervision
    const page = routes.staffSupervision
    tiles.unshift(
      { key: 'supervision-listed', label: '督办清单', count: listed, page, alert: listed > 0 },
      { key: 'supervision-red', label: '下级严重超时', count: red, page },
      { key: 'supervision-waiting', label: '督办未获回复', count: waiting, page },
    )
  }
  return <Tiles tiles={tiles} id='workbench-supervision' />
}

/**
 * 居民点单 for a grid's staff: each grid's booked orders to dispatch (网格下单) and, for its 网格长, the
 * grid's services and weekly slots.
 */
function GridOrderLinks({ bench }: { bench: Extract<Workbench, { kind: 'gridWorker' | 'gridLeader' }> }) {
  const several = bench.grids.length > 1
  return (
    <>
      {bench.grids.map((grid) => (
        <Text
          key={`orders-${grid.code}`}
          className='home__open-inbox'
          id={`open-grid-orders-${grid.code}`}
          onClick={() => go(routes.staffGridOrders(grid.code, grid.name))}
        >
          {several ? `${grid.name}的居民点单 ›` : '本网格的居民点单（网格下单）›'}
        </Text>
      ))}
      {bench.grids.map((grid) => (
        <Text
          key={`volunteers-${grid.code}`}
          className='home__open-inbox'
          id={`open-volunteer-applications-${grid.code}`}
          onClick={() => go(routes.staffVolunteerApplications(grid.code, grid.name))}
        >
          {several ? `${grid.name}的报到审核（党员、志愿者）›` : '本网格的报到审核（党员、志愿者）›'}
        </Text>
      ))}
      {bench.grids.map((grid) => (
        <Text
          key={`informants-${grid.code}`}
          className='home__open-inbox'
          id={`open-informant-applications-${grid.code}`}
          onClick={() => go(routes.staffInformantApplications(grid.code, grid.name))}
        >
          {several ? `${grid.name}的信息员（申请审核）›` : '本网格的信息员（申请审核）›'}
        </Text>
      ))}
      {bench.kind === 'gridLeader' &&
        bench.grids.map((grid) => (
          <Text
            key={`services-${grid.code}`}
            className='home__open-inbox'
            id={`edit-grid-services-${grid.code}`}
            onClick={() => go(routes.staffGridServices(grid.code, grid.name))}
          >
            {several ? `设置${grid.name}的服务和时段 ›` : '设置本网格的服务和时段 ›'}
          </Text>
        ))}
    </>
  )
}

/**
 * A community centre runs its grids' catalogues and may look at their orders: one pair of links per grid
 * of its community (named from regionShapes, the grids it oversees), opened on request.
 */
function CentreGridLinks({ community }: { community: string }) {
  const [open, setOpen] = useState(false)
  const grids = useCall(
    async () => (open ? (await call(regionShapesContract, { level: 'community', code: community })).children : []),
    [open],
  )
  return (
    <View id='centre-grid-orders'>
      <Text className='home__open-inbox' id='open-centre-grids' onClick={() => setOpen(!open)}>
        {open ? '收起各网格的居民点单' : '各网格的居民点单和服务时段 ›'}
      </Text>
      {open && grids.loading && <LoadingView />}
      {open && grids.error && <ErrorView error={grids.error} onRetry={() => void grids.reload()} />}
      {open &&
        grids.data?.map((grid) => (
          <View key={grid.code} className='home__grid-links'>
            <Text
              className='home__open-inbox'
              id={`open-grid-orders-${grid.code}`}
              onClick={() => go(routes.staffGridOrders(grid.code, grid.name))}
            >
              {`${grid.name}：居民点单 ›`}
            </Text>
            <Text
              className='home__open-inbox'
              id={`edit-grid-services-${grid.code}`}
              onClick={() => go(routes.staffGridServices(grid.code, grid.name))}
            >
              {`${grid.name}：服务和时段 ›`}
            </Text>
          </View>
        ))}
    </View>
  )
}

const KIND_TITLES: Record<Exclude<Workbench['kind'], 'resident'>, string> = {
  gridWorker: '我的工作 · 网格员',
  gridLeader: '我的工作 · 网格长',
  centre: '我的工作 · 综治中心',
  police: '我的工作 · 网格警',
  doctor: '我的工作 · 网格医',
}

function WorkbenchBody({ bench }: { bench: Exclude<Workbench, { kind: 'resident' }> }) {
  const place = bench.kind === 'centre' ? bench.region.name : bench.grids.map((g) => g.name).join('、')
  // 网格警 and 网格医 co-handle but own no cases: they have no inbox to open (the inbox refuses them).
  const hasInbox = bench.kind !== 'police' && bench.kind !== 'doctor'
  // The 工作考核看板 is a desktop page of the browser build: offered where it fits, on a wide browser window.
  const wide = useWide()
  return (
    <View className='home__card home__workbench' id='workbench' data-kind={bench.kind}>
      <Text className='home__card-label'>{KIND_TITLES[bench.kind]}</Text>
      <Text className='home__card-title'>{place}</Text>
      <Tiles tiles={countTiles(bench.counts, hasInbox)} id='workbench-counts' />
      {'supervisionUnanswered' in bench && <SupervisionTiles bench={bench} />}
      {bench.kind === 'gridLeader' && (
        <Tiles
          id='workbench-queues'
          tiles={[
            { key: 'to-assign', label: '待派单', count: bench.queues.toAssign, query: { status: 'accepted', assignee: 'none' } },
            { key: 'to-verify', label: '待核查', count: bench.queues.toVerify, query: { status: 'resolved' } },
          ]}
        />
      )}
      {bench.kind === 'gridLeader' &&
        bench.grids.map((grid) => (
          <Text
            key={grid.code}
            className='home__open-inbox'
            id={`edit-templates-${grid.code}`}
            onClick={() => go(routes.staffTemplates(grid.code, grid.name))}
          >
            {bench.grids.length > 1 ? `编辑${grid.name}的常用语 ›` : '编辑本网格的常用语 ›'}
          </Text>
        ))}
      {(bench.kind === 'gridWorker' || bench.kind === 'gridLeader') && <GridOrderLinks bench={bench} />}
      {hasInbox && (
        <Text
          className='home__open-inbox'
          id='open-inbox'
          onClick={() => go(inboxUrl({ status: 'open', ...(bench.kind === 'centre' && { scope: 'area' as const }) }))}
        >
          打开全部待办案卷 ›
        </Text>
      )}
      {bench.kind === 'centre' && bench.region.level === 'community' && <CentreGridLinks community={bench.region.code} />}
      {(bench.kind === 'gridWorker' || bench.kind === 'gridLeader' || (bench.kind === 'centre' && bench.region.level === 'community')) && (
        <Text className='home__open-inbox' id='open-staff-market' onClick={() => go(routes.staffMarket)}>
          {bench.kind === 'gridWorker' ? '爱心超市：兑换核销 ›' : '爱心超市：兑换核销、物品管理 ›'}
        </Text>
      )}
      {bench.kind === 'centre' && bench.region.level === 'county' && (
        <Text className='home__open-inbox' id='open-staff-feedback' onClick={() => go(routes.staffFeedback)}>
          居民对小程序的投诉建议 ›
        </Text>
      )}
      {bench.kind === 'centre' && wide && (
        <Text className='home__open-inbox' id='open-dashboard' onClick={() => go(routes.dashboard(bench.region))}>
          打开工作考核看板（地图、趋势、督办清单）›
        </Text>
      )}
      {bench.kind === 'centre' && wide && (
        <Text className='home__open-inbox' id='open-settlement' onClick={() => go(routes.settlement)}>
          以奖代补结算（每月结算、下载CSV）›
        </Text>
      )}
      {bench.kind === 'centre' && (
        <>
          <Text className='home__area' id='area-counts'>
            辖区内全部：
            {countTiles(bench.areaCounts)
              .map((tile) => `${tile.label} ${tile.count}`)
              .join(' · ')}
          </Text>
          <AreaCases />
        </>
      )}
      {(bench.kind === 'police' || bench.kind === 'doctor') && <CaseList items={bench.cases} title='我的网格里的相关案卷' />}
    </View>
  )
}

/**
 * A staff member's home: the workbench their roles choose (workbench, homeKindOf) — their grids or
 * region, the counts that open the inbox filtered, a 网格长's queues, a centre's area cases, a 网格警's
 * or 网格医's cases. Never "您还没有加入网格": staff serve grids, they do not join one.
 */
export default function StaffHome() {
  const bench = useCall(() => call(workbenchContract, {}))
  // Back from a case the counts have moved.
  useReturnRefresh(() => void bench.reload())
  if (!bench.data) return bench.error ? <ErrorView error={bench.error} onRetry={() => void bench.reload()} /> : <LoadingView />
  return bench.data.kind === 'resident' ? null : <WorkbenchBody bench={bench.data} />
}
