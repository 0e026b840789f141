import type { InformantLineView, PlaceLineView, SettlementRowView, SheetFiguresView } from '@pingan/shared/contracts'
import { Fragment, type ReactNode } from 'react'

import { formatYuan } from '../../labels/format'

const NO_PLACE = '-'

const KIND_LABELS: Record<SettlementRowView['kind'], string> = { award: '奖励', reversal: '冲正', adjustment: '调整', carry: '上月结转' }
const CAUSE_LABELS: Record<NonNullable<SettlementRowView['cause']>, string> = { invalid: '核实无效', duplicate: '重复上报' }
const BASIS_LABELS: Record<NonNullable<SettlementRowView['basis']>, string> = {
  informant: '有效上报',
  resident: '爱心积分',
  own_area: '本网格工作人员',
  daily_cap: '当日封顶',
}

/** The figure columns, as the CSV names them; the whole county's sheet also has adjustments, carries and payable. */
function figureHeads(whole: boolean): string[] {
  return ['奖励', '奖励金额', '冲正', '冲正金额', ...(whole ? ['调整', '上月结转'] : []), '本月合计']
}

function figureCells(f: SheetFiguresView, whole: boolean): ReactNode[] {
  const yuan = (fen: number) => `${formatYuan(fen)}`
  return [
    `${f.awards} 笔`,
    yuan(f.awardFen),
    `${f.reversals} 笔`,
    yuan(f.reversalFen),
    ...(whole ? [yuan(f.adjustmentFen), yuan(f.carryInFen)] : []),
    <strong key='total'>{yuan(f.totalFen)}</strong>,
  ]
}

type PlaceProps = {
  title: string
  lines: readonly PlaceLineView[]
  total: SheetFiguresView
  whole: boolean
  places: Record<string, string>
  id: string
}

/** The month's totals per street or per grid (元), the rows of no place (adjustments, carries) last, then 合计. */
export function PlaceTable({ title, lines, total, whole, places, id }: PlaceProps) {
  const byStreet = title.startsWith('按街道')
  const name = (line: PlaceLineView) =>
    line.code === NO_PLACE ? `不属${byStreet ? '街道' : '网格'}（调整、结转）` : (places[line.code] ?? line.code)
  return (
    <div className='dashboard__table-frame'>
      <table className='dashboard__table settlement__table' id={id}>
        <caption>{title}（金额单位：元）</caption>
        <thead>
          <tr>
            <th scope='col'>{byStreet ? '街道' : '网格'}</th>
            {figureHeads(whole).map((head) => (
              <th key={head} scope='col'>
                {head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.code} data-code={line.code}>
              <th scope='row'>{name(line)}</th>
              {figureCells(line.figures, whole).map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
          <tr className='settlement__total'>
            <th scope='row'>合计</th>
            {figureCells(total, whole).map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  )
}

type InformantProps = {
  lines: readonly InformantLineView[]
  total: SheetFiguresView
  payableFen?: number
  whole: boolean
  places: Record<string, string>
  open?: string
  onOpen: (personId: string | undefined) => void
  /** The statement's extra part (the adjustment form), shown under an open informant's rows. */
  extra?: (line: InformantLineView) => ReactNode
}

/** The month's informants, a line each (元); a name opens their statement's rows below it. */
export function InformantTable({ lines, total, payableFen, whole, places, open, onOpen, extra }: InformantProps) {
  const heads = [...figureHeads(whole), ...(whole ? ['应付', '结转下月'] : [])]
  const placesOf = (codes: readonly string[]) => codes.map((code) => places[code] ?? code).join('、')
  return (
    <div className='dashboard__table-frame'>
      <table className='dashboard__table settlement__table' id='settlement-informants'>
        <caption>信息员明细：点姓名查看结算单{whole ? '、调整金额' : ''}（金额单位：元）</caption>
        <thead>
          <tr>
            <th scope='col'>信息员</th>
            <th scope='col' className='settlement__places'>
              网格
            </th>
            {heads.map((head) => (
              <th key={head} scope='col'>
                {head}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <Fragment key={line.personId}>
              <tr data-person={line.personId} className={open === line.personId ? 'settlement__open' : undefined}>
                <th scope='row'>
                  <button
                    type='button'
                    className='dashboard__unit-link'
                    aria-expanded={open === line.personId}
                    onClick={() => onOpen(open === line.personId ? undefined : line.personId)}
                  >
                    {line.name}
                  </button>
                </th>
                <td className='settlement__places'>{placesOf(line.gridCodes)}</td>
                {figureCells(line.figures, whole).map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
                {whole && <td>{formatYuan(line.payableFen ?? 0)}</td>}
                {whole && <td>{formatYuan(line.carriedFen ?? 0)}</td>}
              </tr>
              {open === line.personId && (
                <tr className='settlement__statement-row'>
                  <td colSpan={heads.length + 2}>
                    <Statement line={line} places={places} />
                    {extra?.(line)}
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
          <tr className='settlement__total'>
            <th scope='row'>合计 {lines.length} 人</th>
            <td />
            {figureCells(total, whole).map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
            {whole && <td>{formatYuan(payableFen ?? 0)}</td>}
            {whole && <td>{formatYuan(lines.reduce((sum, line) => sum + (line.carriedFen ?? 0), 0))}</td>}
          </tr>
        </tbody>
      </table>
    </div>
  )
}

/** An informant's statement of the month: each row with its day, what it is, why, and its amount. */
function Statement({ line, places }: { line: InformantLineView; places: Record<string, string> }) {
  return (
    <table className='settlement__statement' id='settlement-statement' data-person={line.personId}>
      <caption>
        {line.name}的结算单（{line.rows.length} 条）
      </caption>
      <thead>
        <tr>
          <th scope='col'>日期</th>
          <th scope='col'>类型</th>
          <th scope='col'>网格</th>
          <th scope='col'>说明</th>
          <th scope='col'>金额（元）</th>
        </tr>
      </thead>
      <tbody>
        {line.rows.map((row) => (
          <tr key={row.entryId}>
            <td>{row.dayKey}</td>
            <td>{KIND_LABELS[row.kind]}</td>
            <td>{row.gridCode ? (places[row.gridCode] ?? row.gridCode) : '—'}</td>
            <td className='settlement__why'>{whyOf(row)}</td>
            <td className='settlement__amount'>{formatYuan(row.amountFen)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function whyOf(row: SettlementRowView): string {
  if (row.basis) return BASIS_LABELS[row.basis]
  const cause = row.cause ? CAUSE_LABELS[row.cause] : ''
  return [cause, row.reason ?? ''].filter((text) => text !== '').join('：') || '—'
}
