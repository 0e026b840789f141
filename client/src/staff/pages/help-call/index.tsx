import { Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { acknowledgeHelpContract, closeHelpContract, helpCallDetailContract, type HelpCallView } from '@pingan/shared/contracts'
import { helpCallerText, isOpenHelp } from '@pingan/shared/help'
import { useState } from 'react'

import BigButton from '../../../components/big-button'
import ConfirmDialog from '../../../components/confirm-dialog'
import { ErrorView, LoadingView } from '../../../components/page-state'
import { showOnMap } from '../../../device/map-link'
import { useCall } from '../../../hooks/use-call'
import { HELP_ALERTS_POLL_MS } from '../../../help/help-alerts'
import { agoText, comingText, escalationText, HELP_STATUS_WORDS, nextTeam } from '../../../help/help-labels'
import { DialButton } from '../../../help/help-numbers'
import HelpTrace from '../../../help/help-trace'
import { useNow, usePolling } from '../../../help/use-polling'
import { routeParam } from '../../../routes'
import { asCallError, call, type CallError } from '../../../transport'
import '../../../help/help.scss'

// One help call for those who answer it: who (with what they chose to share and their number), where (a
// map), since when and until when before it goes up, 收到, 已处置 with what was done, and every step.
export default function StaffHelpCallPage() {
  const id = routeParam(useRouter().params.id)
  const detail = useCall(() => call(helpCallDetailContract, { callId: id }), [id])
  const help = detail.data?.call
  usePolling(() => void detail.reload(), HELP_ALERTS_POLL_MS, help !== undefined && isOpenHelp(help.status))
  const now = useNow(1000, help !== undefined && isOpenHelp(help.status))
  if (!help) return detail.error ? <ErrorView error={detail.error} onRetry={() => void detail.reload()} /> : <LoadingView />
  return <HelpCallBody help={help} now={now} onChange={(next) => detail.setData({ call: next })} />
}

function HelpCallBody({ help, now, onChange }: { help: HelpCallView; now: number; onChange: (call: HelpCallView) => void }) {
  const [note, setNote] = useState('')
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<CallError>()
  const [problem, setProblem] = useState<string>()

  const act = async (move: () => Promise<{ call: HelpCallView }>) => {
    setBusy(true)
    setError(undefined)
    try {
      onChange((await move()).call)
    } catch (e) {
      setError(asCallError(e))
      // The call moved under us (another answered, the requester cancelled): show it as it is now.
      const fresh = await call(helpCallDetailContract, { callId: help.id }).catch(() => undefined)
      if (fresh) onChange(fresh.call)
    } finally {
      setBusy(false)
      setAsking(false)
    }
  }
  const askClose = () => {
    if (!note.trim()) {
      setProblem('请写一句处置情况（如：已到场，老人摔倒无大碍，已联系家属）。')
      return
    }
    setProblem(undefined)
    setAsking(true)
  }

  const open = isOpenHelp(help.status)
  const due = help.status === 'raised' ? escalationText(help, now, nextTeam(help.level)) : undefined
  const coming = comingText(help)
  const profile = help.profile
  return (
    <View className='help help--staff' id='staff-help-call' data-status={help.status}>
      <View className={`help-alert${help.status === 'raised' ? '' : ' help-alert--answered'}`}>
        <Text className='help-alert__title'>{`一键求助：${helpCallerText(help)}`}</Text>
        <Text className='help-alert__line' id='staff-help-status'>
          {HELP_STATUS_WORDS[help.status]}
        </Text>
        <Text className='help-alert__line'>{`${agoText(help.raisedAt, now)}发出 · ${help.placeName}`}</Text>
        {help.address && <Text className='help-alert__line'>{`地点：${help.address}`}</Text>}
        {due && <Text className='help-alert__due'>{due}</Text>}
        {coming && <Text className='help-alert__line help-alert__coming'>{coming}</Text>}
      </View>
      <View className='help-section' id='staff-help-who'>
        <Text className='help-section__title'>求助人</Text>
        <Text className='help-section__text'>{help.requesterName}</Text>
        {profile && profile.tags.length > 0 && <Text className='help-section__text'>{`情况：${profile.tags.join('、')}`}</Text>}
        {profile?.note && <Text className='help-section__text'>{`本人留言：${profile.note}`}</Text>}
        {profile?.phone ? (
          <DialButton id='dial-requester' label={`打给${help.requesterName}`} phone={profile.phone} emergency />
        ) : (
          <Text className='help-section__hint'>求助人没有留回拨电话。</Text>
        )}
        {help.location ? (
          <BigButton id='help-map' kind='secondary' onClick={() => showOnMap(help.location!, help.requesterName, help.address)}>
            看地图
          </BigButton>
        ) : (
          <Text className='help-section__hint'>求助时手机没有给出定位。</Text>
        )}
      </View>
      {open && (
        <View className='help-section' id='staff-help-moves'>
          {help.status === 'raised' && (
            <BigButton
              id='staff-help-ack'
              loading={busy}
              onClick={() => void act(() => call(acknowledgeHelpContract, { callId: help.id }))}
            >
              收到，我去处理
            </BigButton>
          )}
          <Text className='help-section__field'>处置情况</Text>
          <Textarea
            id='staff-help-note'
            className='help-input help-input--note'
            value={note}
            maxlength={200}
            placeholder='如：已到场，老人摔倒无大碍，已联系家属'
            onInput={(e) => setNote(e.detail.value)}
          />
          {problem && <Text className='help-section__problem'>{problem}</Text>}
          <BigButton id='staff-help-close' kind='secondary' disabled={busy} onClick={askClose}>
            已处置
          </BigButton>
        </View>
      )}
      {error && (
        <View role='alert'>
          <Text className='help-section__problem'>{error.message}</Text>
        </View>
      )}
      <View className='help-section'>
        <HelpTrace call={help} />
      </View>
      <ConfirmDialog
        id='staff-help-close-confirm'
        open={asking}
        title='确认这次求助已处置？'
        message={`处置情况：${note.trim()}。会告诉求助人，求助随即结束。`}
        confirmText='已处置'
        busy={busy}
        onConfirm={() => void act(() => call(closeHelpContract, { callId: help.id, note: note.trim() }))}
        onCancel={() => setAsking(false)}
      />
    </View>
  )
}
