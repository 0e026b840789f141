import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { cancelHelpContract, helpCallDetailContract, myHelpContract, type HelpCallView } from '@pingan/shared/contracts'
import { isOpenHelp } from '@pingan/shared/help'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import ConfirmDialog from '../../components/confirm-dialog'
import { useCall } from '../../hooks/use-call'
import { useMe } from '../../hooks/use-me'
import HelpCallCard from '../../help/help-call-card'
import { CallerConsent } from '../../help/help-consent'
import HelpNumbers from '../../help/help-numbers'
import HelpProfileForm from '../../help/help-profile-form'
import HelpRaise from '../../help/help-raise'
import { forgetPendingHelp, pendingHelpKey } from '../../help/pending-help'
import { usePolling } from '../../help/use-polling'
import { useRaiseHelp } from '../../help/use-raise-help'
import { routeParam } from '../../routes'
import { asCallError, call, type CallError } from '../../transport'
import '../../help/help.scss'

/** How often the requester's page asks whether someone has answered. */
const POLL_MS = 10_000

// 一键求助 (main package: an emergency never waits for a download). The numbers to dial at once; 发出求助
// with a 5-second 取消; then who was told, who answered and is coming, every step, and 我已安全，取消求助;
// the 求助资料 the resident chooses to share; once sent, 有人响应时微信通知我 (help-consent.tsx). Opened from a help message with `?id=`, that call.
export default function HelpPage() {
  const askedId = routeParam(useRouter().params.id) || undefined
  const me = useMe()
  const [shown, setShown] = useState<HelpCallView>()
  const [alreadyOpen, setAlreadyOpen] = useState(false)
  const [asking, setAsking] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [cancelError, setCancelError] = useState<CallError>()

  const mine = useCall(async () => {
    const answer = await call(myHelpContract, {})
    if (answer.open) forgetPendingHelp()
    const wanted = shown?.id ?? askedId
    const next =
      (wanted === undefined ? answer.open : [answer.open, ...answer.recent].find((c) => c?.id === wanted)) ??
      (wanted !== undefined && shown === undefined ? (await call(helpCallDetailContract, { callId: wanted })).call : undefined)
    if (next) setShown(next)
    return answer
  })
  const raise = useRaiseHelp((raised, already) => {
    setShown(raised)
    setAlreadyOpen(already)
  })
  const open = shown !== undefined && isOpenHelp(shown.status)
  usePolling(() => void mine.reload(), POLL_MS, open)

  const cancel = async () => {
    if (!shown) return
    setCancelling(true)
    setCancelError(undefined)
    try {
      setShown((await call(cancelHelpContract, { callId: shown.id })).call)
      setAsking(false)
    } catch (error) {
      setCancelError(asCallError(error))
      setAsking(false)
    } finally {
      setCancelling(false)
    }
  }

  // A press whose answer never came (the app closed, the network lost): sent again under the same key.
  const pending = mine.data !== undefined && !mine.data.open && !shown && pendingHelpKey(Date.now()) !== undefined
  const staff = shown?.contacts.length ? shown.contacts : (me.data?.joinedGrid?.staff ?? [])
  return (
    <View className='help' id='help-page'>
      {!open && <HelpRaise raise={raise} pending={pending} />}
      {shown && (
        <HelpCallCard call={shown} alreadyOpen={alreadyOpen}>
          {open && (
            <BigButton id='help-cancel' kind='secondary' onClick={() => setAsking(true)}>
              我已安全，取消求助
            </BigButton>
          )}
          {/* Asked only once the call is out, never while it is being sent. */}
          {raise.state.phase === 'idle' && <CallerConsent call={shown} />}
          {cancelError && <Text className='help-section__problem'>{cancelError.message}</Text>}
        </HelpCallCard>
      )}
      <View className='help-section help-section--numbers'>
        <Text className='help-section__title'>紧急电话，点一下就拨打</Text>
        <HelpNumbers staff={staff} />
      </View>
      <HelpProfileForm profile={mine.data?.profile} />
      <ConfirmDialog
        id='help-cancel-confirm'
        open={asking}
        title='您已经安全了吗？'
        message='取消后，工作人员就不再赶来。'
        confirmText='我已安全，取消求助'
        cancelText='不取消'
        danger
        busy={cancelling}
        onConfirm={() => void cancel()}
        onCancel={() => setAsking(false)}
      />
    </View>
  )
}
