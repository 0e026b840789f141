import { Text, View } from '@tarojs/components'
import { informantHomeContract, myStatementsContract } from '@pingan/shared/contracts'

import LoadMore from '../../../components/load-more'
import { ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { usePagedList } from '../../../hooks/use-paged-list'
import { formatYuan } from '../../../labels/format'
import { dayText, monthText } from '../../../labels/points-labels'
import { go, routes } from '../../../routes'
import { call } from '../../../transport'
import '../../informant.scss'

// 信息员: the grids I am approved for, today's reward money against the daily cap, this month so far, how and
// when it is paid, and my monthly statements (结算单).
export default function InformantHomePage() {
  const home = useCall(() => call(informantHomeContract, {}))
  const statements = usePagedList(async (cursor) => {
    const page = await call(myStatementsContract, { cursor, limit: 12 })
    return { items: page.statements, nextCursor: page.nextCursor }
  })

  if (!home.data) return home.error ? <ErrorView error={home.error} onRetry={() => void home.reload()} /> : <LoadingView />
  const { grids, today, month, settlementDay, lastStatement } = home.data
  const share = today.capFen === 0 ? 100 : Math.min(100, Math.round((today.earnedFen * 100) / today.capFen))
  return (
    <View className='informant'>
      <View className='informant__card' id='informant-grids'>
        <Text className='informant__label'>我负责的网格</Text>
        {grids.length === 0 ? (
          <Text className='informant__text'>还没有批准的网格：在批准的网格里上报，才有奖励金。</Text>
        ) : (
          grids.map((grid) => (
            <Text key={grid.code} className='informant__grid'>
              {grid.name}
            </Text>
          ))
        )}
      </View>

      <View className='informant__card' id='informant-today' data-earned={today.earnedFen} data-cap={today.capFen}>
        <Text className='informant__label'>今天已得</Text>
        <Text className='informant__figure'>{formatYuan(today.earnedFen)} 元</Text>
        <View className='informant__bar' aria-hidden='true'>
          <View className='informant__bar-fill' style={{ width: `${share}%` }} />
        </View>
        <Text className='informant__text'>
          {today.reached
            ? `今天已到上限 ${formatYuan(today.capFen)} 元，今天再受理的上报不再计奖励金。`
            : `每天上限 ${formatYuan(today.capFen)} 元，今天还能得 ${formatYuan(today.leftFen)} 元。`}
        </Text>
      </View>

      <View
        className='informant__card informant__card--link'
        id='informant-month'
        data-total={month.totalFen}
        onClick={() => go(routes.informantStatement(month.monthKey))}
      >
        <Text className='informant__label'>本月至今（{monthText(month.monthKey)}）</Text>
        <Text className='informant__figure'>{formatYuan(month.totalFen)} 元</Text>
        <Text className='informant__text'>{`${month.awards} 条奖励，尚未结算。看明细 ›`}</Text>
      </View>

      <View className='informant__card' id='informant-payment'>
        <Text className='informant__label'>怎样发放</Text>
        <Text className='informant__text'>
          {`每月 1 日结算上个月的奖励金，本月的在 ${dayText(settlementDay)} 结算。结算单列出每一条奖励（哪条上报、什么类别）、撤销和调整，合计为正的由财务发放。`}
        </Text>
        <Text className='informant__text'>已结算月份的奖励如果被撤销，从下一次结算的金额中扣除。</Text>
      </View>

      <Text className='informant__heading'>结算单</Text>
      {lastStatement === undefined && statements.items.length === 0 && !statements.firstLoad && (
        <Text className='informant__text informant__text--padded'>还没有结算过。</Text>
      )}
      {statements.items.map((statement) => (
        <View
          key={statement.monthKey}
          className='informant__card informant__card--link informant__statement'
          id={`statement-${statement.monthKey}`}
          onClick={() => go(routes.informantStatement(statement.monthKey))}
        >
          <Text className='informant__statement-month'>{monthText(statement.monthKey)}</Text>
          <Text className='informant__statement-figure'>
            {statement.carriedFen < 0 ? `结转下月 ${formatYuan(statement.carriedFen)} 元` : `应发 ${formatYuan(statement.payableFen)} 元`}
          </Text>
        </View>
      ))}
      <LoadMore
        hasMore={statements.hasMore}
        loading={statements.loadingMore}
        error={statements.error}
        onMore={() => void statements.loadMore()}
        count={statements.items.length}
      />
    </View>
  )
}
