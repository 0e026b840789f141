import { workbenchContract, type UnitRef } from '@pingan/shared/contracts'
import { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useState } from 'react'

import { ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { go, routes } from '../../../routes'
import { asCallError, call } from '../../../transport'
import { GridCases, SupervisionPanel } from '../../dashboard/case-lists'
import { saveTextFile } from '../../dashboard/csv-file'
import { unitCsv, unitFigures, unitShapes, unitTrend } from '../../dashboard/figures'
import KpiCards from '../../dashboard/kpi-cards'
import { RATES } from '../../dashboard/measures'
import PeriodPicker from '../../dashboard/period-picker'
import { periodText, rangeOf, type Period } from '../../dashboard/period'
import TrendChart from '../../dashboard/trend-chart'
import UnitMap, { type MapColouring } from '../../dashboard/unit-map'
import UnitTable from '../../dashboard/unit-table'
import { LEVEL_LABELS, drillInto, type Crumb } from '../../dashboard/unit-trail'
import './index.scss'

/** Months on the trend chart, the current one last. */
const TREND_MONTHS = 12

const LEVELS = ['county', 'street', 'community', 'grid'] as const

/** The unit the page opens on: from its address, or the calling centre's region. */
function useRootUnit(): { root?: UnitRef; error?: ReturnType<typeof asCallError> } {
  const params = useRouter().params
  const level = LEVELS.find((l) => l === params.level)
  const fromAddress = level && params.code ? { level, code: decodeURIComponent(params.code) } : undefined
  const bench = useCall(async () => (fromAddress ? undefined : call(workbenchContract, {})), [])
  if (fromAddress) return { root: fromAddress }
  if (bench.error) return { error: bench.error }
  const data = bench.data
  if (data && data.kind === 'centre') return { root: { level: data.region.level, code: data.region.code } }
  if (data) return { error: asCallError(new Error('只有综治中心可以查看工作考核看板')) }
  return {}
}

// 工作考核看板 (browser build, desktop): a centre's unit on a map coloured by light or by a rate, its
// figures for a period, the child units' table, the monthly trend and the centre's 督办 list; a unit on the
// map or in the table opens that unit, down to a grid, whose open cases open the staff case page.
export default function DashboardPage() {
  const { root, error } = useRootUnit()
  if (error) return <ErrorView error={error} />
  if (!root) return <LoadingView text='正在打开看板…' />
  return <Dashboard root={root} />
}

function Dashboard({ root }: { root: UnitRef }) {
  const [trail, setTrail] = useState<Crumb[]>([{ ...root, name: '' }])
  const unit = trail[trail.length - 1] as Crumb
  const [period, setPeriod] = useState<Period>({ kind: 'thisMonth' })
  const [colouring, setColouring] = useState<MapColouring>('light')
  const [csvError, setCsvError] = useState<string>()
  const periodKey = JSON.stringify(period)
  const range = useMemo(() => rangeOf(period, Date.now()), [periodKey])

  const figures = useCall(() => unitFigures(unit, range), [unit.code, periodKey])
  const trend = useCall(() => unitTrend(unit, TREND_MONTHS), [unit.code])
  const shapes = useCall(() => unitShapes(unit), [unit.code])
  const drawn = useDrawnMarks(unit.code)
  // A drill-down keeps the last answers while the next load: draw only what belongs to the unit shown.
  const unitFiguresNow = figures.data?.unit.code === unit.code ? figures.data : undefined
  const shapesNow = shapes.data?.unit.code === unit.code ? shapes.data : undefined
  const trendNow = trend.data?.code === unit.code ? trend.data.points : undefined

  // The root's name arrives with its first answer.
  const name = figures.data?.unit.name ?? shapes.data?.unit.name
  useEffect(() => {
    if (name && unit.name === '') setTrail((t) => t.map((c, i) => (i === t.length - 1 ? { ...c, name } : c)))
  }, [name])

  const pick = useCallback(
    (code: string) => {
      const row = unitFiguresNow?.rows.find((r) => r.code === code) ?? shapesNow?.children.find((c) => c.code === code)
      if (row) setTrail((t) => drillInto(t, row))
    },
    [unitFiguresNow, shapesNow],
  )
  const download = async () => {
    setCsvError(undefined)
    try {
      const file = await unitCsv(unit, range)
      saveTextFile(file.filename, file.csv)
    } catch (e) {
      setCsvError(asCallError(e).message)
    }
  }

  return (
    <div className='dashboard' id='dashboard' data-unit={unit.code} data-level={unit.level} data-drawn={drawn.marks}>
      <header className='dashboard__header'>
        <nav className='dashboard__trail' aria-label='当前单位' id='dashboard-trail'>
          {trail.map((crumb, i) => (
            <span key={crumb.code} className='dashboard__crumb'>
              {i > 0 && <span aria-hidden='true'> › </span>}
              {i < trail.length - 1 ? (
                <button
                  type='button'
                  className='dashboard__crumb-link'
                  data-code={crumb.code}
                  onClick={() => setTrail(trail.slice(0, i + 1))}
                >
                  {LEVEL_LABELS[crumb.level]} {crumb.name}
                </button>
              ) : (
                <strong aria-current='page'>
                  {LEVEL_LABELS[crumb.level]} {crumb.name}
                </strong>
              )}
            </span>
          ))}
        </nav>
        <PeriodPicker period={period} onChange={setPeriod} />
        <button type='button' className='dashboard__button' id='download-csv' onClick={() => void download()}>
          下载表格（CSV）
        </button>
        <button type='button' className='dashboard__button' id='open-settlement' onClick={() => go(routes.settlement)}>
          以奖代补结算 ›
        </button>
        {csvError && <p role='alert'>{csvError}</p>}
      </header>
      <div className='dashboard__body'>
        <main className='dashboard__main'>
          <h1 className='dashboard__title'>
            {unit.name} · {periodText(period, Date.now())}
          </h1>
          {figures.error ? (
            <ErrorView error={figures.error} onRetry={() => void figures.reload()} />
          ) : unitFiguresNow ? (
            <KpiCards figures={unitFiguresNow.total.figures} />
          ) : (
            <LoadingView />
          )}
          <div className='dashboard__charts'>
            <section className='dashboard__panel' aria-labelledby='map-title'>
              <div className='dashboard__panel-head'>
                <h2 id='map-title'>{unit.level === 'grid' ? '网格范围' : '下级单位地图'}</h2>
                <label className='dashboard__select'>
                  着色：
                  <select id='map-colouring' value={colouring} onChange={(e) => setColouring(e.target.value as MapColouring)}>
                    <option value='light'>灯色（在办超时占比）</option>
                    {RATES.map((rate) => (
                      <option key={rate.key} value={rate.key}>
                        {rate.label}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              {shapes.error ? (
                <ErrorView error={shapes.error} onRetry={() => void shapes.reload()} />
              ) : shapesNow && unitFiguresNow ? (
                <UnitMap
                  mapKey={`${unit.level}-${unit.code}`}
                  shapes={shapesNow.children}
                  parentName={shapesNow.unit.name}
                  rows={unitFiguresNow.rows}
                  colouring={colouring}
                  onPick={pick}
                  onDrawn={() => drawn.mark('map')}
                />
              ) : (
                <LoadingView text='正在画地图…' />
              )}
            </section>
            <section className='dashboard__panel' aria-labelledby='trend-title'>
              <h2 id='trend-title'>
                近{TREND_MONTHS}个月趋势
                {trendNow && trendNow.length > 0 && `（${monthsText(trendNow)}）`}
              </h2>
              {trend.error ? (
                <ErrorView error={trend.error} onRetry={() => void trend.reload()} />
              ) : trendNow ? (
                <TrendChart points={trendNow} onDrawn={() => drawn.mark('trend')} />
              ) : (
                <LoadingView />
              )}
            </section>
          </div>
          {unitFiguresNow && (
            <section className='dashboard__panel' aria-labelledby='table-title'>
              <h2 id='table-title'>{unit.level === 'grid' ? '本网格' : '下级单位'}</h2>
              <UnitTable
                rows={unitFiguresNow.rows}
                onPick={unit.level === 'grid' ? undefined : pick}
                parentName={unit.level === 'grid' ? undefined : unit.name}
                caption={unit.level === 'grid' ? `${unit.name}的数字；它的案卷在下面` : `${unit.name}的下级单位，点单位名称进入`}
              />
            </section>
          )}
          {unit.level === 'grid' && (
            <section className='dashboard__panel' aria-labelledby='cases-title'>
              <h2 id='cases-title'>本网格未办结案卷（最紧急的在前）</h2>
              <GridCases gridCode={unit.code} />
            </section>
          )}
        </main>
        <aside className='dashboard__aside' aria-labelledby='supervision-title' id='supervision-list'>
          <h2 id='supervision-title'>督办清单</h2>
          <SupervisionPanel />
        </aside>
      </div>
    </div>
  )
}

/** The trend's months as the heading names them: 2026年1月–12月 (the chart's months go without the year). */
function monthsText(points: readonly { month: string }[]): string {
  const first = points[0]?.month ?? ''
  const last = points[points.length - 1]?.month ?? first
  return periodText({ kind: 'months', first, last }, Date.now())
}

/** Which charts of the current unit are on screen ('map trend' once both are): for people waiting, and for tests. */
function useDrawnMarks(unitCode: string) {
  const [marks, setMarks] = useState<string[]>([])
  useEffect(() => setMarks([]), [unitCode])
  const mark = useCallback((what: string) => setMarks((m) => (m.includes(what) ? m : [...m, what].sort())), [])
  return { marks: marks.join(' '), mark }
}
