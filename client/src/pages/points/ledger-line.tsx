import { Text, View } from '@tarojs/components'
import type { ledgerEntryViewSchema } from '@pingan/shared/contracts'
import type * as z from 'zod/mini'

import { formatDateTime, formatYuan } from '../../labels/format'

type Entry = z.infer<typeof ledgerEntryViewSchema>

const KIND_LABELS: Record<Entry['kind'], string> = {
  award: '上报有效奖励',
  reversal: '撤回奖励',
  redemption: '兑换',
  settlement: '月度结算',
  service: '志愿服务',
  adjustment: '人工调整',
  carry: '上月结转',
}

const BASIS_NOTES: Record<NonNullable<Entry['basis']>, string> = {
  informant: '信息员奖励金',
  resident: '爱心积分',
  own_area: '本人负责的网格，不计奖励',
  daily_cap: '已到当天上限',
}

function amountText(entry: Entry): string {
  const sign = entry.amount > 0 ? '+' : ''
  return entry.unit === 'fen' ? `${sign}${formatYuan(entry.amount)} 元` : `${sign}${entry.amount} 分`
}

/** One line of my ledger: what for, when, and how much (money in yuan, points as points). */
export default function LedgerLine({ entry }: { entry: Entry }) {
  return (
    <View className='points__line' data-unit={entry.unit}>
      <View className='points__line-what'>
        <Text className='points__line-title'>{KIND_LABELS[entry.kind]}</Text>
        <Text className='points__line-meta'>
          {formatDateTime(entry.at)}
          {entry.basis ? `　${BASIS_NOTES[entry.basis]}` : ''}
          {entry.minutes !== undefined ? `　服务 ${entry.minutes} 分钟` : ''}
        </Text>
      </View>
      <Text className={`points__line-amount${entry.amount < 0 ? ' points__line-amount--minus' : ''}`}>{amountText(entry)}</Text>
    </View>
  )
}
