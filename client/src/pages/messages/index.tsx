import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { markMessagesReadContract, myMessagesContract, type MessageView } from '@pingan/shared/contracts'
import { isStaffMessageKind } from '@pingan/shared/report'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import LoadMore from '../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../components/page-state'
import { usePagedList } from '../../hooks/use-paged-list'
import { useReturnRefresh } from '../../hooks/use-return-refresh'
import { formatDateTime } from '../../labels/format'
import { go, routes } from '../../routes'
import { call } from '../../transport'
import './index.scss'

const REQUESTER_HELP_KINDS: readonly MessageView['kind'][] = ['helpAcknowledged', 'helpClosed']

// 消息: what happened to my reports and the ones I follow (受理, 不予受理, 办结, 结案 and 请评价), newest
// first. Unread ones are marked (a dot and the word 未读, not colour alone); a tap marks one read and
// opens its report; 全部已读 clears the rest. Every message lands here, whether or not WeChat's arrived.
// Staff are also told here when a case of theirs turns 已超时 or 严重超时 (clockSweep): a tap on one of
// those opens the staff case page, where they act on it. A service order's messages open the order.
export default function MessagesPage() {
  const [unread, setUnread] = useState<number>()
  const [readHere, setReadHere] = useState<ReadonlySet<string>>(new Set())
  const list = usePagedList(async (cursor) => {
    const page = await call(myMessagesContract, { cursor, limit: 20 })
    setUnread(page.unread)
    return page
  })
  useReturnRefresh(() => void list.reload())
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))

  const isRead = (message: MessageView) => message.read || readHere.has(message.id)
  const open = (message: MessageView) => {
    if (!isRead(message)) {
      setReadHere((ids) => new Set([...ids, message.id]))
      setUnread((n) => (n === undefined ? n : Math.max(0, n - 1)))
      // Read is a courtesy: a lost call leaves it unread, and opening the report matters more.
      call(markMessagesReadContract, { ids: [message.id] }).then(
        (answer) => setUnread(answer.unread),
        () => undefined,
      )
    }
    // An order's message (接单, 完成, 确认, 异议, 裁定) opens the order; a report's, the report.
    // A help call's: answered or closed tells its requester (their help page); raised, escalated or cancelled, its staff.
    if (message.helpCallId !== undefined)
      go(REQUESTER_HELP_KINDS.includes(message.kind) ? routes.help(message.helpCallId) : routes.staffHelpCall(message.helpCallId))
    else if (message.orderId !== undefined) go(routes.order(message.orderId))
    // An informant application's decision (通过, 不通过, 取消资格): the applicant's 申请成为信息员 page.
    else if (message.informantGridCode !== undefined) go(routes.informantApply)
    // The county centre's answer to 投诉建议: the writer's feedback page.
    else if (message.kind === 'appFeedbackReplied') go(routes.feedback)
    else if (message.reportId !== undefined)
      go(isStaffMessageKind(message.kind) ? routes.staffCase(message.reportId) : routes.report(message.reportId))
  }
  const readAll = () => {
    setReadHere(new Set(list.items.map((message) => message.id)))
    setUnread(0)
    call(markMessagesReadContract, { all: true }).then(
      (answer) => setUnread(answer.unread),
      () => undefined,
    )
  }

  if (list.firstLoad) return <LoadingView />
  if (list.items.length === 0 && list.error) return <ErrorView error={list.error} onRetry={() => void list.reload()} />
  if (list.items.length === 0) return <EmptyView text='还没有消息。您的上报有了进展，会在这里告诉您。' />
  return (
    <View className='messages'>
      <View className='messages__header'>
        <Text className='messages__count' id='unread-count'>
          {unread ? `${unread} 条未读` : '没有未读消息'}
        </Text>
        {unread ? (
          <BigButton id='read-all' kind='secondary' onClick={readAll}>
            全部已读
          </BigButton>
        ) : null}
      </View>
      {list.items.map((message) => (
        <MessageCard key={message.id} message={message} read={isRead(message)} onOpen={open} />
      ))}
      <LoadMore
        hasMore={list.hasMore}
        loading={list.loadingMore}
        error={list.error}
        onMore={() => void list.loadMore()}
        count={list.items.length}
      />
    </View>
  )
}

function MessageCard({ message, read, onOpen }: { message: MessageView; read: boolean; onOpen: (m: MessageView) => void }) {
  return (
    <View
      className={`message-card${read ? '' : ' message-card--unread'}`}
      data-message-id={message.id}
      aria-label={read ? message.title : `未读：${message.title}`}
      onClick={() => onOpen(message)}
    >
      <View className='message-card__top'>
        {!read && <View className='message-card__dot' />}
        <Text className='message-card__title'>{message.title}</Text>
        {!read && <Text className='message-card__unread'>未读</Text>}
      </View>
      <Text className='message-card__body'>{message.body}</Text>
      <View className='message-card__bottom'>
        <Text className='message-card__time'>{formatDateTime(message.at)}</Text>
        <Text className='message-card__open'>{message.rateRequested ? '去评价 ›' : '查看 ›'}</Text>
      </View>
    </View>
  )
}
