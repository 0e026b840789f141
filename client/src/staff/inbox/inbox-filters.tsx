import { Text, View } from '@tarojs/components'
import { useState } from 'react'

import {
  ASSIGNEE_CHOICES,
  DUE_CHOICES,
  DUE_LABELS,
  LIGHT_CHOICES,
  SCOPE_CHOICES,
  SORT_CHOICES,
  STATUS_CHOICES,
  extraFilterCount,
  type InboxQuery,
} from './inbox-query'

type Named = { code: string; name: string }
type Props = {
  query: InboxQuery
  onChange: (query: InboxQuery) => void
  categories: readonly Named[]
  /** The caller's grids; the grid filter shows only for more than one. */
  grids: readonly Named[]
  /** A centre may list its whole area as well as the cases it owns. */
  centre?: boolean
}

type ChipProps<T> = { id: string; label: string; choices: { value: T; label: string }[]; value: T; onPick: (value: T) => void }

/** One filter as a row of chips, the chosen one filled; a row wraps rather than scrolls, so every choice is in view. */
function ChipRow<T>({ id, label, choices, value, onPick }: ChipProps<T>) {
  return (
    <View className='staff-inbox__row' id={id} role='radiogroup' aria-label={label}>
      <Text className='staff-inbox__row-label'>{label}</Text>
      {choices.map((choice) => (
        <View
          key={String(choice.value ?? 'any')}
          role='radio'
          aria-checked={choice.value === value}
          data-value={String(choice.value ?? '')}
          className={`staff-inbox__chip${choice.value === value ? ' staff-inbox__chip--on' : ''}`}
          onClick={() => onPick(choice.value)}
        >
          <Text>{choice.label}</Text>
        </View>
      ))}
    </View>
  )
}

const ANY = { value: undefined, label: '不限' }

/**
 * The inbox's filters: status chips always in view (the filter used most), the others — due, light, whose,
 * category, grid, order — behind 筛选, which says how many are on; a due filter (a workbench tile's
 * 即将超时/已超时) also shows beside the statuses, tapped to drop it.
 */
export default function InboxFilters({ query, onChange, categories, grids, centre }: Props) {
  const [open, setOpen] = useState(false)
  const set = <K extends keyof InboxQuery>(key: K, value: InboxQuery[K]) => {
    const next = { ...query }
    if (value === undefined) delete next[key]
    else next[key] = value
    onChange(next)
  }
  const extra = extraFilterCount(query)
  return (
    <View className='staff-inbox__filters'>
      <View className='staff-inbox__statuses' id='status-filter' role='radiogroup' aria-label='办理状态'>
        {STATUS_CHOICES.map((choice) => (
          <View
            key={choice.value}
            id={`filter-${choice.value === 'open' ? 'all' : choice.value}`}
            role='radio'
            aria-checked={query.status === choice.value}
            className={`staff-inbox__filter${query.status === choice.value ? ' staff-inbox__filter--on' : ''}`}
            onClick={() => set('status', choice.value)}
          >
            <Text>{choice.label}</Text>
          </View>
        ))}
        {query.due && (
          <View id='due-tag' className='staff-inbox__filter staff-inbox__filter--on' onClick={() => set('due', undefined)}>
            <Text>{`${DUE_LABELS[query.due]} ×`}</Text>
          </View>
        )}
        {query.supervision && (
          <View id='supervision-tag' className='staff-inbox__filter staff-inbox__filter--on' onClick={() => set('supervision', undefined)}>
            <Text>督办待回复 ×</Text>
          </View>
        )}
        <View id='more-filters' className={`staff-inbox__filter staff-inbox__filter--more`} onClick={() => setOpen(!open)}>
          <Text>{open ? '收起筛选' : extra > 0 ? `筛选（${extra}）` : '筛选'}</Text>
        </View>
      </View>
      {open && (
        <View className='staff-inbox__more'>
          <ChipRow id='due-filter' label='到期' choices={DUE_CHOICES} value={query.due} onPick={(v) => set('due', v)} />
          <ChipRow id='light-filter' label='时限' choices={LIGHT_CHOICES} value={query.light} onPick={(v) => set('light', v)} />
          <ChipRow
            id='assignee-filter'
            label='办理人'
            choices={ASSIGNEE_CHOICES}
            value={query.assignee}
            onPick={(v) => set('assignee', v)}
          />
          {centre && <ChipRow id='scope-filter' label='范围' choices={SCOPE_CHOICES} value={query.scope} onPick={(v) => set('scope', v)} />}
          {query.scope !== 'area' && (
            <ChipRow id='sort-filter' label='排序' choices={SORT_CHOICES} value={query.sort} onPick={(v) => set('sort', v)} />
          )}
          {grids.length > 1 && (
            <ChipRow
              id='grid-filter'
              label='网格'
              choices={[ANY, ...grids.map((g) => ({ value: g.code, label: g.name }))]}
              value={query.gridCode}
              onPick={(v) => set('gridCode', v)}
            />
          )}
          {categories.length > 0 && (
            <ChipRow
              id='category-filter'
              label='类别'
              choices={[ANY, ...categories.map((c) => ({ value: c.code, label: c.name }))]}
              value={query.categoryCode}
              onPick={(v) => set('categoryCode', v)}
            />
          )}
        </View>
      )}
    </View>
  )
}
