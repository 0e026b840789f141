import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { unfollowReportContract } from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import ConfirmDialog from '../../components/confirm-dialog'
import { back } from '../../routes'
import { asCallError, call, type CallError } from '../../transport'

/**
 * 取消关注, for a resident reading a report they follow (我也遇到): asked once more, since the report is
 * then no longer theirs to read; afterwards the page goes back.
 */
export default function UnfollowButton({ reportId }: { reportId: string }) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<CallError>()

  const unfollow = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await call(unfollowReportContract, { reportId })
      setAsking(false)
      void Taro.showToast({ title: '已取消关注', icon: 'none' })
      back()
    } catch (failure) {
      setAsking(false)
      setError(asCallError(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='report-actions' id='follow-actions'>
      <Text className='report-actions__hint'>您关注了这件事（我也遇到），办理有进展会告诉您。</Text>
      {error && <Text className='report-actions__error'>{error.message}</Text>}
      <BigButton id='start-unfollow' kind='secondary' disabled={busy} onClick={() => setAsking(true)}>
        取消关注
      </BigButton>
      <ConfirmDialog
        id='confirm-unfollow-dialog'
        open={asking}
        title='取消关注？'
        message='取消后不再收到这件事的进展，也不能再从这里查看。'
        confirmText='取消关注'
        cancelText='继续关注'
        busy={busy}
        onConfirm={() => void unfollow()}
        onCancel={() => setAsking(false)}
      />
    </View>
  )
}
