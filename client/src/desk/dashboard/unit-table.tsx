import { permilleText } from '@pingan/shared/performance/figures'
import { useState } from 'react'

import { RATES, hoursText, overduePermille, type UnitRow } from './measures'
import { shortName } from './unit-trail'

type Column = { key: string; label: string; text: (row: UnitRow) => string; sortValue: (row: UnitRow) => number | string | null }

const COLUMNS: readonly Column[] = [
  { key: 'name', label: '单位', text: (r) => r.name, sortValue: (r) => r.code },
  { key: 'received', label: '收件', text: (r) => String(r.figures.received), sortValue: (r) => r.figures.received },
  { key: 'accepted', label: '受理', text: (r) => String(r.figures.accepted), sortValue: (r) => r.figures.accepted },
  ...RATES.map((rate) => ({
    key: rate.key,
    label: rate.label,
    text: (r: UnitRow) => permilleText(r.figures[rate.key]),
    sortValue: (r: UnitRow) => r.figures[rate.key],
  })),
  {
    key: 'averageHandlingHours',
    label: '平均办理时长',
    text: (r) => hoursText(r.figures.averageHandlingHours),
    sortValue: (r) => r.figures.averageHandlingHours,
  },
  { key: 'running', label: '在办', text: (r) => String(r.open.running), sortValue: (r) => r.open.running },
  { key: 'overdue', label: '超时', text: (r) => String(r.open.overdue), sortValue: (r) => r.open.overdue },
  { key: 'red', label: '红灯', text: (r) => String(r.open.red), sortValue: (r) => r.open.red },
  { key: 'overdueShare', label: '超时占比', text: (r) => permilleText(overduePermille(r.open)), sortValue: (r) => overduePermille(r.open) },
]

type Sort = { key: string; descending: boolean }

/** Nulls ('—') sort last either way; otherwise by value, then by code so equal rows keep the county's order. */
function compare(column: Column, descending: boolean) {
  return (a: UnitRow, b: UnitRow) => {
    const x = column.sortValue(a)
    const y = column.sortValue(b)
    if (x === null || y === null) return x === y ? a.code.localeCompare(b.code) : x === null ? 1 : -1
    const order = x < y ? -1 : x > y ? 1 : 0
    return (descending ? -order : order) || a.code.localeCompare(b.code)
  }
}

/** Without `onPick` (a grid's own row) the names are plain text: there is no level below to open. */
type Props = {
  rows: readonly UnitRow[]
  onPick?: (code: string) => void
  caption: string
  /** The unit's own name, left off its children's (城关社区第5网格 → 第5网格): the caption names it. */
  parentName?: string
}

/** The child units' figures, sortable by any column (a header is a button); a unit's name drills into it. */
export default function UnitTable({ rows, onPick, caption, parentName }: Props) {
  const [sort, setSort] = useState<Sort>({ key: 'name', descending: false })
  const column = COLUMNS.find((c) => c.key === sort.key) ?? (COLUMNS[0] as Column)
  const sorted = [...rows].sort(compare(column, sort.descending))
  const toggle = (key: string) => setSort((s) => (s.key === key ? { key, descending: !s.descending } : { key, descending: key !== 'name' }))
  return (
    <div className='dashboard__table-frame'>
      <table className='dashboard__table' id='unit-table'>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key} scope='col' aria-sort={c.key === sort.key ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
                <button type='button' className='dashboard__sort' data-column={c.key} onClick={() => toggle(c.key)}>
                  {c.label}
                  {c.key === sort.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.code} data-code={row.code}>
              {COLUMNS.map((c, i) =>
                i === 0 ? (
                  <th key={c.key} scope='row'>
                    {onPick ? (
                      <button type='button' className='dashboard__unit-link' data-code={row.code} onClick={() => onPick(row.code)}>
                        {shortName(row.name, parentName)} ›
                      </button>
                    ) : (
                      row.name
                    )}
                  </th>
                ) : (
                  <td key={c.key} data-column={c.key}>
                    {c.text(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
