import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { myStatementContract } from '@pingan/shared/contracts'

import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { formatDateTime, formatYuan } from '../../../labels/format'
import { dayText, monthText } from '../../../labels/points-labels'
import { go, routeParam, routes } from '../../../routes'
import { call } from '../../../transport'
import StatementLine from '../../statement-line'
import '../../informant.scss'

// 结算单: one month of my reward money — each award with its report and category, each reversal with its
// cause, adjustments with their reason, a carry from last month — the total, what is paid and what is
// carried on. A month not settled yet is shown as it stands (本月至今，尚未结算).
export default function StatementPage() {
  const monthKey = routeParam(useRouter().params.month)
  const statement = useCall(() => call(myStatementContract, { monthKey }), [monthKey])

  if (!statement.data)
    return statement.error ? <ErrorView error={statement.error} onRetry={() => void statement.reload()} /> : <LoadingView />
  const { settled, settledAt, settlementDay, rows, totalFen, payableFen, carriedFen } = statement.data.statement
  return (
    <View className='informant' id='statement' data-settled={settled ? 'yes' : 'no'}>
      <View className='informant__card'>
        <Text className='informant__figure'>{monthText(monthKey)}</Text>
        <Text className='informant__text' id='statement-state'>
          {settled
            ? `已结算${settledAt ? `（${formatDateTime(settledAt)}）` : ''}`
            : `本月至今，尚未结算：${dayText(settlementDay)} 结算，期间还会变动。`}
        </Text>
      </View>
      {rows.length === 0 ? (
        <EmptyView text='这个月没有奖励金记录' />
      ) : (
        <View className='informant__rows' id='statement-rows'>
          {rows.map((row) => (
            <View key={row.entryId} onClick={() => row.reportId && go(routes.report(row.reportId))}>
              <StatementLine row={row} />
            </View>
          ))}
        </View>
      )}
      <View
        className='informant__card informant__totals'
        id='statement-totals'
        data-total={totalFen}
        data-payable={payableFen}
        data-carried={carriedFen}
      >
        <View className='informant__total'>
          <Text>合计</Text>
          <Text id='statement-total'>{formatYuan(totalFen)} 元</Text>
        </View>
        <View className='informant__total informant__total--main'>
          <Text>{settled ? '应发' : '按现在结算应发'}</Text>
          <Text id='statement-payable'>{formatYuan(payableFen)} 元</Text>
        </View>
        {carriedFen < 0 && (
          <View className='informant__total informant__total--minus'>
            <Text>结转下月</Text>
            <Text id='statement-carried'>{formatYuan(carriedFen)} 元</Text>
          </View>
        )}
        {carriedFen < 0 && <Text className='informant__text'>这个月撤销的多于所得，差额从下个月的奖励金中扣除。</Text>}
      </View>
    </View>
  )
}
