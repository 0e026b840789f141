import { Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { appFeedbackListContract, replyAppFeedbackContract, type AppFeedbackView } from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../../components/big-button'
import LoadMore from '../../../components/load-more'
import { EmptyView, ErrorView, LoadingView } from '../../../components/page-state'
import { FEEDBACK_KIND_WORDS, FEEDBACK_STATUS_WORDS } from '../../../feedback/feedback-labels'
import { usePagedList } from '../../../hooks/use-paged-list'
import { formatDateTime } from '../../../labels/format'
import { asCallError, call, type CallError } from '../../../transport'
import '../../../orders/orders.scss'
import './index.scss'

/** One piece of feedback: its number, kind, words, the number to call back; the answer, or the box to write it. */
function FeedbackItem({ feedback, onAnswered }: { feedback: AppFeedbackView; onAnswered: (answered: AppFeedbackView) => void }) {
  const [reply, setReply] = useState('')
  const [tried, setTried] = useState(false)
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  const problem = reply.trim().length < 2 ? '请写回复（至少 2 个字），写信人会在消息里看到' : undefined
  const send = async () => {
    setTried(true)
    if (problem) return
    setSending(true)
    setFailure(undefined)
    try {
      onAnswered((await call(replyAppFeedbackContract, { feedbackId: feedback.id, reply: reply.trim() })).feedback)
    } catch (error) {
      setFailure(asCallError(error))
    } finally {
      setSending(false)
    }
  }
  return (
    <View className='orders__card' id={`staff-feedback-${feedback.id}`} data-status={feedback.status}>
      <Text className='orders__meta'>{`${FEEDBACK_KIND_WORDS[feedback.kind]}　编号 ${feedback.reference}　${formatDateTime(feedback.submittedAt)}`}</Text>
      <Text className='orders__status'>{FEEDBACK_STATUS_WORDS[feedback.status]}</Text>
      <Text className='orders__hint staff-feedback__text'>{feedback.text}</Text>
      {feedback.phone && <Text className='orders__meta'>{`联系电话：${feedback.phone}`}</Text>}
      {feedback.reply !== undefined ? (
        <Text className='orders__hint'>{`已回复：${feedback.reply}${feedback.repliedAt !== undefined ? `（${formatDateTime(feedback.repliedAt)}）` : ''}`}</Text>
      ) : (
        <>
          <Textarea
            id={`reply-${feedback.id}`}
            className='orders__textarea orders__textarea--short'
            nativeProps={{ 'aria-label': `回复编号 ${feedback.reference}` }}
            value={reply}
            maxlength={500}
            placeholder='回复写信人，如：已转技术人员处理，下个版本修复'
            onInput={(e) => setReply(e.detail.value)}
          />
          {tried && problem && <Text className='orders__problem'>{problem}</Text>}
          {failure && (
            <View className='orders__error' role='alert'>
              {failure.message}
            </View>
          )}
          <BigButton id={`send-reply-${feedback.id}`} loading={sending} onClick={() => void send()}>
            回复
          </BigButton>
        </>
      )}
    </View>
  )
}

/**
 * 投诉建议 for the county's 综治中心, which runs the app: every resident's feedback about it, unanswered first
 * (the longest waiting first), each answered once; the writer is told in 消息.
 */
export default function StaffFeedbackPage() {
  const list = usePagedList((cursor) => call(appFeedbackListContract, { ...(cursor && { cursor }) }))
  const [answered, setAnswered] = useState<Record<string, AppFeedbackView>>({})
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))

  if (list.firstLoad) return <LoadingView />
  if (list.items.length === 0 && list.error) return <ErrorView error={list.error} onRetry={() => void list.reload()} />
  if (list.items.length === 0) return <EmptyView text='还没有投诉建议。' />
  return (
    <View className='orders staff-feedback' id='staff-feedback'>
      <View className='orders__card'>
        <Text className='orders__title'>居民对小程序的投诉建议</Text>
        <Text className='orders__hint'>未回复的排在前面，等得最久的在最上面。每条只回复一次，写信人会在消息里看到。</Text>
      </View>
      {list.items.map((item) => {
        const feedback = answered[item.id] ?? item
        return <FeedbackItem key={item.id} feedback={feedback} onAnswered={(done) => setAnswered((all) => ({ ...all, [done.id]: done }))} />
      })}
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
