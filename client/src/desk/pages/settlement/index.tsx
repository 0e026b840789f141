import { settlementCsvContract, settlementMonthsContract, type SettlementMonthView } from '@pingan/shared/contracts'
import { useState } from 'react'

import { ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { formatDateTime, formatYuan } from '../../../labels/format'
import { asCallError, call } from '../../../transport'
import { saveTextFile } from '../../dashboard/csv-file'
import AdjustForm from '../../settlement/adjust-form'
import { InformantTable, PlaceTable } from '../../settlement/settlement-tables'
import '../dashboard/index.scss'
import './index.scss'

const STATUS_LABELS: Record<SettlementMonthView['status'], string> = { closing: '结算中', closed: '已结算' }
const LEVEL_LABELS = { county: '县综治中心', street: '街道综治中心', community: '社区综治中心' } as const

/** 2026-11 → 2026年11月. */
function monthText(monthKey: string): string {
  return `${monthKey.slice(0, 4)}年${Number(monthKey.slice(5))}月`
}

// 以奖代补结算 (browser build, desktop): the settled months in the centre's scope, one in detail — totals per
// street and grid, its informants with their statements —, the finance office's CSV of a settled month, and
// (the county centre, which pays) an adjustment with a reason per informant.
export default function SettlementPage() {
  const [monthKey, setMonthKey] = useState<string>()
  const [open, setOpen] = useState<string>()
  const [csvError, setCsvError] = useState<string>()
  const answer = useCall(() => call(settlementMonthsContract, monthKey ? { monthKey } : {}), [monthKey])

  if (answer.error && !answer.data) return <ErrorView error={answer.error} onRetry={() => void answer.reload()} />
  if (!answer.data) return <LoadingView text='正在读取结算…' />
  const { scope, months, month } = answer.data
  const shown = months.find((m) => m.monthKey === month?.monthKey)
  const sheet = month?.sheet

  const download = async () => {
    if (!month) return
    setCsvError(undefined)
    try {
      const file = await call(settlementCsvContract, { monthKey: month.monthKey })
      saveTextFile(file.filename, file.csv)
    } catch (e) {
      setCsvError(asCallError(e).message)
    }
  }

  return (
    <div className='dashboard settlement' id='settlement' data-month={month?.monthKey ?? ''} data-status={month?.status ?? ''}>
      <header className='dashboard__header'>
        <h1 className='dashboard__title settlement__heading'>
          以奖代补结算 · {scope.name}
          <span className='settlement__scope'>
            {LEVEL_LABELS[scope.level]}
            {scope.whole ? '（全县，含应付金额）' : '（本辖区部分：奖励与冲正）'}
          </span>
        </h1>
        {month && (
          <button
            type='button'
            className='dashboard__button'
            id='download-settlement-csv'
            disabled={month.status !== 'closed'}
            onClick={() => void download()}
          >
            {month.status === 'closed' ? `下载CSV（${monthText(month.monthKey)}）` : '结算中，完成后可下载'}
          </button>
        )}
        {csvError && <p role='alert'>{csvError}</p>}
      </header>
      <div className='dashboard__body'>
        <nav className='dashboard__aside settlement__months' aria-labelledby='months-title'>
          <h2 id='months-title'>结算月份</h2>
          {months.length === 0 && <p className='dashboard__hint'>还没有结算过的月份。每月 1 日自动结算上个月。</p>}
          <ul>
            {months.map((m) => (
              <li key={m.monthKey}>
                <button
                  type='button'
                  className={`settlement__month${m.monthKey === month?.monthKey ? ' settlement__month--current' : ''}`}
                  data-month-key={m.monthKey}
                  aria-current={m.monthKey === month?.monthKey ? 'true' : undefined}
                  onClick={() => {
                    setOpen(undefined)
                    setMonthKey(m.monthKey)
                  }}
                >
                  <span className='settlement__month-name'>{monthText(m.monthKey)}</span>
                  <span className={`settlement__badge settlement__badge--${m.status}`}>{STATUS_LABELS[m.status]}</span>
                  {m.totalFen !== null && <span className='settlement__month-total'>合计 {formatYuan(m.totalFen)} 元</span>}
                  {m.payableFen !== null && <span className='settlement__month-total'>应付 {formatYuan(m.payableFen)} 元</span>}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <main className='dashboard__main'>
          {answer.error && <ErrorView error={answer.error} onRetry={() => void answer.reload()} />}
          {month && (
            <section className='dashboard__panel' aria-labelledby='month-title'>
              <h2 id='month-title'>
                {monthText(month.monthKey)} · {STATUS_LABELS[month.status]}
                {shown?.closedAt ? <span className='settlement__scope'>结算完成 {formatDateTime(shown.closedAt)}</span> : null}
              </h2>
              {month.status === 'closing' && (
                <p className='dashboard__hint' id='settlement-closing'>
                  结算中：本月已锁定，正在逐个生成信息员的结算单，完成后可查看明细和下载CSV。
                </p>
              )}
              {sheet && (
                <div className='settlement__summary' id='settlement-summary'>
                  <p>
                    <span>信息员</span>
                    <strong>{sheet.informants.length} 人</strong>
                  </p>
                  <p>
                    <span>本月合计</span>
                    <strong id='settlement-total'>{formatYuan(sheet.total.totalFen)} 元</strong>
                  </p>
                  {scope.whole && (
                    <p>
                      <span>应付（发放）</span>
                      <strong id='settlement-payable'>{formatYuan(sheet.payableFen ?? 0)} 元</strong>
                    </p>
                  )}
                  {scope.whole && (sheet.carriedFen ?? 0) < 0 && (
                    <p>
                      <span>结转下月扣回</span>
                      <strong>{formatYuan(sheet.carriedFen ?? 0)} 元</strong>
                    </p>
                  )}
                </div>
              )}
            </section>
          )}
          {sheet && month && (
            <>
              <section className='dashboard__panel settlement__places-panel'>
                <PlaceTable
                  title='按街道汇总'
                  id='settlement-streets'
                  lines={sheet.streets}
                  total={sheet.total}
                  whole={scope.whole}
                  places={month.places}
                />
                <PlaceTable
                  title='按网格汇总'
                  id='settlement-grids'
                  lines={sheet.grids}
                  total={sheet.total}
                  whole={scope.whole}
                  places={month.places}
                />
              </section>
              <section className='dashboard__panel'>
                <InformantTable
                  lines={sheet.informants}
                  total={sheet.total}
                  payableFen={sheet.payableFen}
                  whole={scope.whole}
                  places={month.places}
                  open={open}
                  onOpen={setOpen}
                  extra={
                    scope.whole
                      ? (line) => <AdjustForm personId={line.personId} name={line.name} onDone={() => void answer.reload()} />
                      : undefined
                  }
                />
              </section>
            </>
          )}
        </main>
      </div>
    </div>
  )
}
