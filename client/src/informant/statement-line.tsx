import { Text, View } from '@tarojs/components'
import type { StatementRowView } from '@pingan/shared/contracts'

import { formatYuan } from '../labels/format'
import { BASIS_LABELS, REVERSAL_CAUSE_LABELS, dayText } from '../labels/points-labels'

/** What a statement's row is, in a few words. */
const KIND_LABELS: Record<StatementRowView['kind'], string> = {
  award: '奖励',
  reversal: '撤销奖励',
  adjustment: '人工调整',
  carry: '上月结转',
}

/** Why a row has its amount: the award's report and category, the reversal's cause and words, the adjustment's reason. */
export function rowWhy(row: StatementRowView): string {
  const what = row.categoryName ?? row.categoryCode
  switch (row.kind) {
    case 'award':
      return [what, row.basis && BASIS_LABELS[row.basis]].filter(Boolean).join('，')
    case 'reversal':
      return [what, row.cause && REVERSAL_CAUSE_LABELS[row.cause], row.reason].filter(Boolean).join('，')
    case 'adjustment':
      return row.reason ? `原因：${row.reason}` : ''
    case 'carry':
      return `上月合计为负，从本月扣除`
  }
}

/** One row of a statement: what, why, the day, and the amount in yuan (2 decimals from fen). */
export default function StatementLine({ row }: { row: StatementRowView }) {
  const why = rowWhy(row)
  return (
    <View className='informant__row' data-kind={row.kind} data-fen={row.amountFen}>
      <View className='informant__row-what'>
        <Text className='informant__row-title'>{KIND_LABELS[row.kind]}</Text>
        {why !== '' && <Text className='informant__row-why'>{why}</Text>}
        <Text className='informant__row-meta'>
          {dayText(row.dayKey)}
          {row.reportId ? `　上报编号 ${row.reportId}` : ''}
        </Text>
      </View>
      <Text className={`informant__row-amount${row.amountFen < 0 ? ' informant__row-amount--minus' : ''}`}>
        {`${row.amountFen > 0 ? '+' : ''}${formatYuan(row.amountFen)}`}
      </Text>
    </View>
  )
}
