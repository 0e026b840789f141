import { Text, View } from '@tarojs/components'
import { SERVICE_RECORD_YEAR_MIN, type ServiceRecord } from '@pingan/shared/contracts'
import { shanghaiDayKey, shanghaiYear } from '@pingan/shared/time'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'

import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import { useCall } from '../../../hooks/use-call'
import { dayText, loadServiceRecord, monthsServed } from '../../service-record'
import { hoursText } from '../../service-hours'
import '../../volunteer.scss'

/** ‹ 2025年 · 2026年 ›: the year shown, the one before, and the one after up to this year. */
function YearSwitcher({ year, thisYear, onYear }: { year: number; thisYear: number; onYear: (year: number) => void }) {
  const earlier = year > SERVICE_RECORD_YEAR_MIN
  const later = year < thisYear
  return (
    <View className='record__years' id='record-years'>
      <View
        className={`record__year-step${earlier ? '' : ' record__year-step--off'}`}
        id='record-year-earlier'
        role='button'
        aria-disabled={!earlier}
        onClick={() => earlier && onYear(year - 1)}
      >
        {`‹ ${year - 1}年`}
      </View>
      <Text className='record__year' id='record-year'>{`${year}年`}</Text>
      <View
        className={`record__year-step${later ? '' : ' record__year-step--off'}`}
        id='record-year-later'
        role='button'
        aria-disabled={!later}
        onClick={() => later && onYear(year + 1)}
      >
        {later ? `${year + 1}年 ›` : '今年'}
      </View>
    </View>
  )
}

/** The record a volunteer can show: name, grids, the year's hours, tasks and points, issued by the platform. */
function Certificate({ record }: { record: ServiceRecord }) {
  const grids = record.grids.map((grid) => grid.name).join('、')
  return (
    <View className='record__certificate' id='record-certificate'>
      <Text className='record__issuer'>平安网格 · 志愿服务记录</Text>
      <Text className='record__title'>{`${record.year}年度志愿服务证明`}</Text>
      <View className='record__rows'>
        <Text className='record__row'>
          <Text className='record__label'>姓名　</Text>
          <Text id='record-name'>{record.name || '—'}</Text>
        </Text>
        <Text className='record__row'>
          <Text className='record__label'>报到网格　</Text>
          <Text id='record-grids'>{grids || '—'}</Text>
        </Text>
      </View>
      <View className='record__figures'>
        <View className='record__figure'>
          <Text className='record__number' id='record-hours'>
            {hoursText(record.totals.minutes)}
          </Text>
          <Text className='record__figure-label'>服务时长</Text>
        </View>
        <View className='record__figure'>
          <Text className='record__number' id='record-tasks'>{`${record.totals.tasks} 次`}</Text>
          <Text className='record__figure-label'>服务次数</Text>
        </View>
        <View className='record__figure'>
          <Text className='record__number' id='record-points'>{`${record.totals.points} 分`}</Text>
          <Text className='record__figure-label'>获得积分</Text>
        </View>
      </View>
      <Text className='record__note'>只计已确认完成的服务。</Text>
      <Text className='record__stamp' id='record-issued'>{`平安网格平台出具　${dayText(shanghaiDayKey(record.issuedAt))}`}</Text>
    </View>
  )
}

/** Each month with services: how many, how long, how many points. */
function Months({ record }: { record: ServiceRecord }) {
  return (
    <View className='record__section' id='record-months'>
      <Text className='record__section-title'>按月份</Text>
      {monthsServed(record).map((month) => (
        <View className='record__line' key={month.month}>
          <Text className='record__line-main'>{`${month.month}月`}</Text>
          <Text className='record__line-meta'>{`${month.tasks} 次 · ${hoursText(month.minutes)} · ${month.points} 分`}</Text>
        </View>
      ))}
    </View>
  )
}

/** The services of the year, the latest credited first: the day served, what, in which grid (never for whom). */
function Tasks({ record }: { record: ServiceRecord }) {
  return (
    <View className='record__section' id='record-tasks-list'>
      <Text className='record__section-title'>服务明细</Text>
      {record.tasks.map((task) => (
        <View className='record__line' key={task.orderId} id={`record-task-${task.orderId}`}>
          <Text className='record__line-main'>{task.title}</Text>
          <Text className='record__line-meta'>{`${dayText(task.servedOn)}${task.gridName ? ` · ${task.gridName}` : ''}`}</Text>
          <Text className='record__line-meta'>{`${hoursText(task.minutes)} · ${task.points} 分`}</Text>
        </View>
      ))}
    </View>
  )
}

/**
 * 我的服务记录: a volunteer's year of confirmed services (myServiceRecord) as a record they can show — a
 * certificate-like card, the months and the list — with a year switcher back to earlier years.
 */
export default function ServiceRecordPage() {
  const thisYear = shanghaiYear(Date.now())
  const [year, setYear] = useState(thisYear)
  const record = useCall(() => loadServiceRecord(year), [year])
  usePullDownRefresh(() => void record.reload().finally(() => Taro.stopPullDownRefresh()))
  const shown = record.data?.year === year ? record.data : undefined
  return (
    <View className='record' id='service-record'>
      <YearSwitcher year={year} thisYear={thisYear} onYear={setYear} />
      {shown ? (
        <>
          <Certificate record={shown} />
          {shown.totals.tasks === 0 ? (
            <EmptyView text={`${year}年还没有确认完成的服务`} />
          ) : (
            <>
              <Months record={shown} />
              <Tasks record={shown} />
            </>
          )}
        </>
      ) : record.error ? (
        <ErrorView error={record.error} onRetry={() => void record.reload()} />
      ) : (
        <LoadingView />
      )}
    </View>
  )
}
