import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { myAppFeedbackContract, submitAppFeedbackContract, type AppFeedbackView, type RequestOf } from '@pingan/shared/contracts'
import { useRef, useState } from 'react'

import BigButton from '../../../components/big-button'
import LoadMore from '../../../components/load-more'
import { ErrorView, LoadingView } from '../../../components/page-state'
import { usePagedList } from '../../../hooks/use-paged-list'
import { formatDateTime } from '../../../labels/format'
import { newIdempotencyKey } from '../../../report-draft/draft'
import { asCallError, call, type CallError } from '../../../transport'
import { FEEDBACK_KIND_WORDS, FEEDBACK_STATUS_WORDS } from '../../feedback-labels'
import '../../../orders/orders.scss'
import './index.scss'

type Kind = AppFeedbackView['kind']
type Form = { kind: Kind | undefined; text: string; phone: string }
const KINDS = Object.keys(FEEDBACK_KIND_WORDS) as Kind[]

/** What the form still lacks, in words, as submitAppFeedback's own schema judges it. */
export function feedbackProblems(form: Form): string[] {
  const problems: string[] = []
  if (!form.kind) problems.push('请选择是投诉、建议还是使用问题')
  const checked = submitAppFeedbackContract.request.safeParse(requestOf(form, 'check-only-key'))
  const fields = new Set(checked.success ? [] : checked.error.issues.map((issue) => String(issue.path[0])))
  if (fields.has('text')) problems.push('请写 5 到 500 个字，说说遇到的问题或建议')
  if (fields.has('phone')) problems.push('手机号请填 11 位，或者不填')
  return problems
}

function requestOf(form: Form, idempotencyKey: string): RequestOf<typeof submitAppFeedbackContract> {
  const phone = form.phone.trim()
  return { kind: form.kind ?? 'suggestion', text: form.text.trim(), ...(phone && { phone }), idempotencyKey }
}

/** One of my 投诉建议: its number, kind, words, and the centre's answer once given. */
function FeedbackCard({ feedback }: { feedback: AppFeedbackView }) {
  return (
    <View className='orders__card' id={`feedback-${feedback.id}`} data-status={feedback.status}>
      <Text className='orders__meta'>
        {FEEDBACK_KIND_WORDS[feedback.kind]}　编号 <Text className='feedback__reference'>{feedback.reference}</Text>
      </Text>
      <Text className='orders__status'>{FEEDBACK_STATUS_WORDS[feedback.status]}</Text>
      <Text className='orders__hint'>{feedback.text}</Text>
      <Text className='orders__meta'>{`提交于 ${formatDateTime(feedback.submittedAt)}`}</Text>
      {feedback.reply !== undefined && (
        <View className='feedback__reply'>
          <Text>{`县综治中心回复：${feedback.reply}`}</Text>
          {feedback.repliedAt !== undefined && <Text className='orders__meta'>{` ${formatDateTime(feedback.repliedAt)}`}</Text>}
        </View>
      )}
    </View>
  )
}

/**
 * 投诉建议 about the app itself (a problem in a place is 随手拍): the form — kind, words, a number to call
 * back if they wish — and the resident's own feedback with its number and the county centre's answer.
 */
export default function FeedbackPage() {
  const list = usePagedList((cursor) => call(myAppFeedbackContract, { ...(cursor && { cursor }) }))
  const [form, setForm] = useState<Form>({ kind: undefined, text: '', phone: '' })
  const [tried, setTried] = useState(false)
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  const [sent, setSent] = useState<AppFeedbackView>()
  // One key per form: a retry after a lost answer is the same feedback, never a second.
  const key = useRef(newIdempotencyKey(Date.now()))
  usePullDownRefresh(() => void list.reload().finally(() => Taro.stopPullDownRefresh()))
  const update = (change: Partial<Form>) => setForm((f) => ({ ...f, ...change }))
  const problems = feedbackProblems(form)

  const submit = async () => {
    setTried(true)
    if (problems.length > 0) return
    setSending(true)
    setFailure(undefined)
    try {
      const answer = await call(submitAppFeedbackContract, requestOf(form, key.current))
      setSent(answer.feedback)
      setForm({ kind: undefined, text: '', phone: '' })
      setTried(false)
      key.current = newIdempotencyKey(Date.now())
      void list.reload()
    } catch (error) {
      setFailure(asCallError(error))
    } finally {
      setSending(false)
    }
  }

  return (
    <View className='orders feedback' id='feedback'>
      <View className='orders__card'>
        <Text className='orders__title'>对平安网格小程序的投诉建议</Text>
        <Text className='orders__hint'>
          说说小程序哪里不好用、出了什么问题，或者希望增加什么。由县综治中心回复，回复会在消息里告诉您。身边的安全隐患、矛盾纠纷请用随手拍上报。
        </Text>
      </View>
      {sent && (
        <View className='orders__card' id='feedback-sent' role='status'>
          <Text className='orders__status'>已提交</Text>
          <Text className='orders__hint'>
            编号 <Text className='feedback__reference'>{sent.reference}</Text>，请记下，咨询时可以报这个编号。
          </Text>
        </View>
      )}
      <View className='orders__card'>
        <Text className='orders__field'>类型</Text>
        <View className='orders__choices' role='radiogroup' aria-label='类型'>
          {KINDS.map((kind) => (
            <View
              key={kind}
              id={`feedback-kind-${kind}`}
              role='radio'
              aria-checked={form.kind === kind}
              className={`orders__choice${form.kind === kind ? ' orders__choice--chosen' : ''}`}
              onClick={() => update({ kind })}
            >
              <Text>{FEEDBACK_KIND_WORDS[kind]}</Text>
            </View>
          ))}
        </View>
        <Text className='orders__field'>内容</Text>
        <Textarea
          id='feedback-text'
          className='orders__textarea'
          nativeProps={{ 'aria-label': '内容' }}
          value={form.text}
          maxlength={500}
          placeholder='如：字太小看不清；上传照片一直转圈'
          onInput={(e) => update({ text: e.detail.value })}
        />
        <Text className='orders__meta'>{`${form.text.trim().length} / 500 字`}</Text>
        <Text className='orders__field'>联系电话（可不填）</Text>
        <Input
          id='feedback-phone'
          className='orders__input'
          nativeProps={{ 'aria-label': '联系电话（可不填）' }}
          type='number'
          value={form.phone}
          placeholder='11 位手机号，方便回访'
          onInput={(e) => update({ phone: e.detail.value })}
        />
      </View>
      <View className='orders__actions'>
        {tried &&
          problems.map((problem) => (
            <Text key={problem} className='orders__problem'>
              {problem}
            </Text>
          ))}
        {failure && (
          <View className='orders__error' role='alert' id='feedback-error'>
            {failure.message}
          </View>
        )}
        <BigButton id='submit-feedback' loading={sending} onClick={() => void submit()}>
          提交
        </BigButton>
      </View>
      <View className='orders__card'>
        <Text className='orders__title'>我的投诉建议</Text>
      </View>
      {list.firstLoad ? (
        <LoadingView />
      ) : list.items.length === 0 && list.error ? (
        <ErrorView error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <View className='orders__card'>
          <Text className='orders__hint'>还没有提交过。</Text>
        </View>
      ) : (
        <>
          {list.items.map((feedback) => (
            <FeedbackCard key={feedback.id} feedback={feedback} />
          ))}
          <LoadMore
            hasMore={list.hasMore}
            loading={list.loadingMore}
            error={list.error}
            onMore={() => void list.loadMore()}
            count={list.items.length}
          />
        </>
      )}
    </View>
  )
}
