import { Text, View } from '@tarojs/components'
import type { ledgerEntryViewSchema } from '@pingan/shared/contracts'
import type * as z from 'zod/mini'

import { formatDateTime, formatYuan } from '../../labels/format'
import { BASIS_LABELS, REVERSAL_CAUSE_LABELS, monthText } from '../../labels/points-labels'

type Entry = z.infer<typeof ledgerEntryViewSchema>

const KIND_LABELS: Record<Entry['kind'], string> = {
  award: '上报有效奖励',
  reversal: '撤销奖励',
  redemption: '爱心超市兑换',
  refund: '兑换退回',
  settlement: '月度结算',
  service: '志愿服务',
  adjustment: '人工调整',
  carry: '上月结转',
}

function amountText(entry: Entry): string {
  const sign = entry.amount > 0 ? '+' : ''
  return entry.unit === 'fen' ? `${sign}${formatYuan(entry.amount)} 元` : `${sign}${entry.amount} 分`
}

/**
 * Why an entry has its amount, in words: an award's basis, a reversal's cause and the staff's words, an
 * adjustment's reason, the month a settlement or a carry is for, a service's minutes.
 */
export function entryWhy(entry: Entry): string {
  const month = entry.monthKey === undefined ? '' : monthText(entry.monthKey)
  switch (entry.kind) {
    case 'award':
      return entry.basis ? BASIS_LABELS[entry.basis] : ''
    case 'reversal':
      return [entry.cause && REVERSAL_CAUSE_LABELS[entry.cause], entry.reason].filter(Boolean).join('：')
    case 'adjustment':
      return entry.reason ? `原因：${entry.reason}` : ''
    case 'settlement':
      return month && `${month}奖励金结算`
    case 'carry':
      return month && `上月撤销多于所得，差额计入${month}`
    case 'service':
      return entry.minutes !== undefined ? `服务 ${entry.minutes} 分钟` : ''
    default:
      return ''
  }
}

/** One line of my ledger: what for and why, when, and how much (money in yuan, points as points). */
export default function LedgerLine({ entry }: { entry: Entry }) {
  const why = entryWhy(entry)
  return (
    <View className='points__line' data-unit={entry.unit} data-kind={entry.kind}>
      <View className='points__line-what'>
        <Text className='points__line-title'>{KIND_LABELS[entry.kind]}</Text>
        {why !== '' && <Text className='points__line-why'>{why}</Text>}
        <Text className='points__line-meta'>{formatDateTime(entry.at)}</Text>
      </View>
      <Text className={`points__line-amount${entry.amount < 0 ? ' points__line-amount--minus' : ''}`}>{amountText(entry)}</Text>
    </View>
  )
}
