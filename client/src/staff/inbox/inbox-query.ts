import type { InboxRequest, InboxSort } from '@pingan/shared/contracts'
import { DUE_FILTERS, SUPERVISION_TILE_FILTER, WORKBENCH_TILE_FILTERS, type DueFilter } from '@pingan/shared/report'

type Status = NonNullable<InboxRequest['status']>
type Light = NonNullable<InboxRequest['light']>

/** What the inbox shows: the filters a staff member picks, and the order. `open` is every open case. */
export type InboxQuery = {
  status: Status
  light?: Light
  /** 即将超时 or 已超时, the workbench's clock counts (shared's dueCondition). */
  due?: DueFilter
  /** Only cases holding a 督办 not yet answered (the workbench's 督办待回复). */
  supervision?: 'unanswered'
  categoryCode?: string
  gridCode?: string
  assignee?: 'me' | 'none'
  sort: InboxSort
  /** A centre's whole area (every case in its region) rather than the cases it owns; listed by urgency only. */
  scope?: 'area'
}

export const DEFAULT_QUERY: InboxQuery = { status: 'submitted', sort: 'urgency' }

/** The status chips, in the order a case moves (全部待办 last). */
export const STATUS_CHOICES: { value: Status; label: string }[] = [
  { value: 'submitted', label: '待受理' },
  { value: 'handling', label: '办理中' },
  { value: 'accepted', label: '待派单' },
  { value: 'assigned', label: '已派单' },
  { value: 'in_progress', label: '处理中' },
  { value: 'resolved', label: '待核查' },
  { value: 'open', label: '全部待办' },
]

export const LIGHT_CHOICES: { value: Light | undefined; label: string }[] = [
  { value: undefined, label: '不限' },
  { value: 'green', label: '按时' },
  { value: 'yellow', label: '已超时' },
  { value: 'red', label: '严重超时' },
]

/** The due filter's names, the workbench tiles' own. */
export const DUE_LABELS: Record<DueFilter, string> = { soon: '即将超时', overdue: '已超时' }

export const DUE_CHOICES: { value: DueFilter | undefined; label: string }[] = [
  { value: undefined, label: '不限' },
  ...DUE_FILTERS.map((value) => ({ value, label: DUE_LABELS[value] })),
]

export const ASSIGNEE_CHOICES: { value: InboxQuery['assignee']; label: string }[] = [
  { value: undefined, label: '不限' },
  { value: 'me', label: '我办理的' },
  { value: 'none', label: '还没派单' },
]

export const SCOPE_CHOICES: { value: InboxQuery['scope']; label: string }[] = [
  { value: undefined, label: '本中心办理的' },
  { value: 'area', label: '辖区全部' },
]

export const SORT_CHOICES: { value: InboxSort; label: string }[] = [
  { value: 'urgency', label: '最紧急的在前' },
  { value: 'support', label: '“我也遇到”多的在前' },
]

const STATUSES = STATUS_CHOICES.map((c) => c.value)
const LIGHTS = ['green', 'yellow', 'red'] as const

/** The query a link asks for (`?status=resolved&light=red`), anything unknown left at the default. */
export function queryFromParams(params: Partial<Record<string, string>>): InboxQuery {
  const status = STATUSES.find((s) => s === params.status) ?? DEFAULT_QUERY.status
  const light = LIGHTS.find((l) => l === params.light)
  const due = DUE_FILTERS.find((d) => d === params.due)
  const assignee = params.assignee === 'me' || params.assignee === 'none' ? params.assignee : undefined
  return {
    status,
    sort: params.sort === 'support' ? 'support' : 'urgency',
    ...(light && { light }),
    ...(due && { due }),
    ...(params.supervision === 'unanswered' && { supervision: 'unanswered' as const }),
    ...(assignee && { assignee }),
    ...(params.category && { categoryCode: params.category }),
    ...(params.grid && { gridCode: params.grid }),
    ...(params.scope === 'area' && { scope: 'area' as const }),
  }
}

/** The link's query string for a query (the inverse of queryFromParams). */
export function paramsOf(query: Partial<InboxQuery>): string {
  const pairs: [string, string | undefined][] = [
    ['status', query.status],
    ['light', query.light],
    ['due', query.due],
    ['supervision', query.supervision],
    ['assignee', query.assignee],
    ['category', query.categoryCode],
    ['grid', query.gridCode],
    ['sort', query.sort === 'support' ? 'support' : undefined],
    ['scope', query.scope],
  ]
  return pairs.flatMap(([k, v]) => (v ? [`${k}=${encodeURIComponent(v)}`] : [])).join('&')
}

/** The inbox call's filters for a query; `open` is the server's default, so it is left out. */
export function requestOf(query: InboxQuery): Omit<InboxRequest, 'cursor' | 'limit'> {
  const { status, assignee, scope, ...rest } = query
  // An area is listed by urgency only (the server refuses the other order there).
  const sort = scope === 'area' ? 'urgency' : rest.sort
  return { ...rest, sort, ...(status !== 'open' && { status }), ...(assignee && { assignee }), ...(scope && { scope }) }
}

/** How many filters beyond status are on, for the 更多筛选 button. */
export function extraFilterCount(query: InboxQuery): number {
  return [
    query.light,
    query.due,
    query.supervision,
    query.categoryCode,
    query.gridCode,
    query.assignee,
    query.sort === 'support' ? 1 : undefined,
    query.scope,
  ].filter(Boolean).length
}

/**
 * The inbox a workbench count opens: its very filter (WORKBENCH_TILE_FILTERS, the count's own condition),
 * so the list is as long as the number on the tile; a clock count over every open status.
 */
/** The inbox the workbench's 督办待回复 opens: the caller's open cases with a 督办 not yet answered. */
export function supervisionTileQuery(): Partial<InboxQuery> {
  return { status: 'open', supervision: SUPERVISION_TILE_FILTER.supervision }
}

export function tileQuery(tile: keyof typeof WORKBENCH_TILE_FILTERS): Partial<InboxQuery> {
  const filter: { status?: Status; due?: DueFilter } = WORKBENCH_TILE_FILTERS[tile]
  return { status: filter.status ?? 'open', ...(filter.due && { due: filter.due }) }
}
