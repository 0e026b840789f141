import { Text, View } from '@tarojs/components'
import { claimOrderContract, taskHallContract, type HallItem } from '@pingan/shared/contracts'
import { TASK_KIND_NAMES, canMakeOrderMove } from '@pingan/shared/service'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import { EmptyView, ErrorView, LoadingView } from '../../components/page-state'
import { askConsent, ORDER_CONSENT } from '../../device/subscribe'
import { useCall } from '../../hooks/use-call'
import { useReturnRefresh } from '../../hooks/use-return-refresh'
import OrderCard from '../../orders/order-card'
import { go, routes } from '../../routes'
import { asCallError, call, type CallError } from '../../transport'
import { loadMyTasks } from '../../volunteer/my-tasks'
import { hoursText, loadServiceTally } from '../../volunteer/service-hours'
import '../../orders/orders.scss'
import './volunteer-home.scss'

/** What a task asks and earns, under its card in the hall. */
function TaskTerms({ item }: { item: HallItem }) {
  const asks = item.skills.length > 0 ? `需要：${item.skills.join('、')}` : undefined
  return (
    <View className='orders__rows'>
      {item.taskKind && <Text className='orders__meta'>{TASK_KIND_NAMES[item.taskKind]}</Text>}
      {asks && <Text className='orders__meta'>{asks}</Text>}
      <Text className='orders__meta'>{`服务时长 ${hoursText(item.minutes)}，积分 ${item.points}`}</Text>
    </View>
  )
}

/** What waits on a task I finished: the requester's 确认, or the grid's 裁定. */
const WAITING_ON: Partial<Record<HallItem['status'], string>> = {
  completed: '已提交完成，等居民确认',
  disputed: '居民有异议，等网格员裁定',
}

/** 我的任务 (myTasks): what I hold, the open ones the soonest first with 完成, then the latest credited ones. */
type TasksState = { data: HallItem[] | undefined; error: CallError | undefined; reload: () => Promise<void> }

function MyTasks({ tasks }: { tasks: TasksState }) {
  return (
    <View className='home__card volunteer-home__section' id='my-tasks'>
      <Text className='home__card-title'>我的任务</Text>
      {tasks.data === undefined ? (
        tasks.error ? (
          <ErrorView error={tasks.error} onRetry={() => void tasks.reload()} />
        ) : (
          <LoadingView />
        )
      ) : tasks.data.length === 0 ? (
        <Text className='home__card-hint'>还没有接过任务，可以到下面的任务大厅接单。</Text>
      ) : (
        tasks.data.map((task) => (
          <OrderCard
            key={task.id}
            order={task}
            onOpen={() => go(routes.volunteerTask(task.id))}
            extra={
              canMakeOrderMove('complete', task.status) ? (
                <BigButton id={`finish-${task.id}`} onClick={() => go(routes.volunteerTask(task.id))}>
                  完成
                </BigButton>
              ) : WAITING_ON[task.status] ? (
                <Text className='orders__meta'>{WAITING_ON[task.status]}</Text>
              ) : (
                <Text className='orders__meta'>{`已记服务时长 ${hoursText(task.minutes)}，积分 ${task.points}`}</Text>
              )
            }
          />
        ))
      )}
    </View>
  )
}

/** My service so far, as the ledger holds it: hours and points of the confirmed services, my balance, and a way to 我的服务记录. */
function MyService() {
  const tally = useCall(loadServiceTally)
  useReturnRefresh(() => void tally.reload())
  return (
    <View className='home__card volunteer-home__section' id='my-service'>
      <Text className='home__card-title'>我的服务</Text>
      {tally.data ? (
        <View className='volunteer-home__figures'>
          <View className='volunteer-home__figure'>
            <Text className='volunteer-home__number' id='service-hours'>
              {hoursText(tally.data.minutes)}
            </Text>
            <Text className='home__card-hint'>服务时长（已确认）</Text>
          </View>
          <View className='volunteer-home__figure' onClick={() => go(routes.points)}>
            <Text className='volunteer-home__number' id='service-points'>
              {`${tally.data.pointBalance} 分`}
            </Text>
            <Text className='home__card-hint'>{`积分（服务得 ${tally.data.points} 分）›`}</Text>
          </View>
        </View>
      ) : tally.error ? (
        <ErrorView error={tally.error} onRetry={() => void tally.reload()} />
      ) : (
        <LoadingView />
      )}
      <View className='volunteer-home__link' id='open-service-record' role='link' onClick={() => go(routes.volunteerRecord)}>
        我的服务记录（可出示的年度证明）›
      </View>
    </View>
  )
}

/**
 * 任务大厅: the open tasks of my grids that suit my skills (taskHall), the soonest first, each with 接单.
 * A task someone else took first is refused by claimOrder: its words are shown and the hall read again.
 */
function TaskHall({ onClaimed }: { onClaimed: () => void }) {
  const hall = useCall(async () => (await call(taskHallContract, { limit: 20 })).items)
  useReturnRefresh(() => void hall.reload())
  const [busy, setBusy] = useState<string>()
  const [failure, setFailure] = useState<CallError>()
  const [told, setTold] = useState<string>()
  const claim = async (item: HallItem) => {
    // Inside the tap, before anything is awaited: consent for WeChat to tell of 确认, 有异议 and 裁定.
    void askConsent(ORDER_CONSENT.takingOn)
    setBusy(item.id)
    setFailure(undefined)
    setTold(undefined)
    try {
      await call(claimOrderContract, { orderId: item.id })
      setTold(`已接单：${item.title}，请按时上门`)
      onClaimed()
    } catch (error) {
      setFailure(asCallError(error))
    } finally {
      setBusy(undefined)
      void hall.reload()
    }
  }
  return (
    <View className='home__card volunteer-home__section' id='task-hall'>
      <Text className='home__card-title'>任务大厅</Text>
      {failure && (
        <View className='orders__error' role='alert' id='claim-failure'>
          {failure.message}
        </View>
      )}
      {told && (
        <View className='orders__hint' role='status' id='claim-told'>
          {told}
        </View>
      )}
      {hall.data === undefined ? (
        hall.error ? (
          <ErrorView error={hall.error} onRetry={() => void hall.reload()} />
        ) : (
          <LoadingView />
        )
      ) : hall.data.length === 0 ? (
        <EmptyView text='任务大厅暂时没有适合您的任务' />
      ) : (
        hall.data.map((item) => (
          <OrderCard
            key={item.id}
            order={item}
            chip={false}
            extra={
              <>
                <TaskTerms item={item} />
                <BigButton
                  id={`claim-${item.id}`}
                  loading={busy === item.id}
                  disabled={busy !== undefined}
                  onClick={() => void claim(item)}
                >
                  接单
                </BigButton>
              </>
            }
          />
        ))
      )}
    </View>
  )
}

/** A volunteer's part of the resident home: 我的任务, 我的服务 (hours and points) and 任务大厅. */
export default function VolunteerHome() {
  const tasks = useCall(loadMyTasks)
  useReturnRefresh(() => void tasks.reload())
  return (
    <View className='volunteer-home' id='volunteer-home'>
      <MyTasks tasks={tasks} />
      <MyService />
      <TaskHall onClaimed={() => void tasks.reload()} />
    </View>
  )
}
