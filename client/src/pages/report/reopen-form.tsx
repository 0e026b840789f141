import { Text, Textarea, View } from '@tarojs/components'
import { hasVisibleText } from '@pingan/shared/text'
import { useState } from 'react'

import BigButton from '../../components/big-button'

/** `onSubmit` settles once the request has been tried; the page shows a failure. */
type Props = { busy: boolean; onSubmit: (note: string) => Promise<void> }

/**
 * 申请重新办理, offered after a 不满意 rating while the domain allows it (once, within 7 days of the
 * close): the case goes back to the verifier with what is still wrong, so a note is required.
 */
export default function ReopenForm({ busy, onSubmit }: Props) {
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  const blank = !hasVisibleText(note)

  if (!open) {
    return (
      <View className='report-actions__form' id='reopen-offer'>
        <Text className='report-actions__hint'>对结果不满意？结案后 7 天内可以申请重新办理一次。</Text>
        <BigButton id='start-reopen' kind='secondary' onClick={() => setOpen(true)}>
          申请重新办理
        </BigButton>
      </View>
    )
  }
  return (
    <View className='report-actions__form' id='reopen-form'>
      <Text className='report-actions__label'>哪里还没有办好？</Text>
      <Textarea
        id='reopen-note'
        className='report-actions__input'
        value={note}
        maxlength={500}
        placeholder='请写清楚还存在的问题（必填）'
        onInput={(e) => setNote(e.detail.value)}
      />
      {blank && <Text className='report-actions__hint'>写一句说明才能提交</Text>}
      <BigButton id='submit-reopen' disabled={blank} loading={busy} onClick={() => void onSubmit(note.trim())}>
        提交申请
      </BigButton>
      <BigButton id='cancel-reopen' kind='secondary' disabled={busy} onClick={() => setOpen(false)}>
        取消
      </BigButton>
    </View>
  )
}
