import { Text, View } from '@tarojs/components'
import { acknowledgeHelpContract, helpCallDetailContract, openHelpCallsContract, type HelpCallView } from '@pingan/shared/contracts'
import { helpCallerText } from '@pingan/shared/help'
import { useEffect, useState } from 'react'

import { armAlertSound, soundHelpAlert } from '../device/alert-sound'
import { useCall } from '../hooks/use-call'
import { StaffReminders } from './help-consent'
import { go, routes } from '../routes'
import { asCallError, call } from '../transport'
import { agoText, comingText, escalationText, nextTeam } from './help-labels'
import { useNow, usePolling } from './use-polling'
import './help.scss'

/** How often a staff page asks for open calls while on screen. */
export const HELP_ALERTS_POLL_MS = 15_000

// The unanswered calls this app has already sounded for: a page opened later, or the next poll, stays quiet.
const heard = new Set<string>()

/**
 * 一键求助 at the very top of a staff page: each open call the caller answers as a red card (who, since when,
 * where, the time left before it goes a level up), with 收到 and 详情; polled while the page is on screen.
 * A call not heard of before sounds the alarm (device/alert-sound.ts). Nothing when there are none, but for
 * `reminders` (the staff home): 订阅求助微信提醒 below, once the list says this person answers calls.
 */
export default function HelpAlerts({ reminders }: { reminders?: boolean }) {
  const list = useCall(() => call(openHelpCallsContract, {}))
  // A 网格医 (who answers no calls) is refused once and not asked again.
  usePolling(() => void list.reload(), HELP_ALERTS_POLL_MS, list.error?.code !== 'AUTH.FORBIDDEN')
  useEffect(armAlertSound, [])
  const items = list.data?.items ?? []
  useEffect(() => {
    const fresh = items.filter((item) => item.status === 'raised' && !heard.has(item.id))
    fresh.forEach((item) => heard.add(item.id))
    if (fresh.length > 0) soundHelpAlert()
  }, [list.data])
  const now = useNow(1000, items.length > 0)
  const offer = reminders === true && list.data !== undefined && <StaffReminders />
  if (items.length === 0) return offer || null

  const replace = (next: HelpCallView) => list.setData({ items: items.map((item) => (item.id === next.id ? next : item)) })
  return (
    <>
      <View className='help-alerts' id='help-alerts' role='alert'>
        {items.map((item) => (
          <HelpAlertCard key={item.id} call={item} now={now} onChange={replace} />
        ))}
      </View>
      {offer}
    </>
  )
}

function HelpAlertCard({ call: help, now, onChange }: { call: HelpCallView; now: number; onChange: (call: HelpCallView) => void }) {
  const [busy, setBusy] = useState(false)
  const [told, setTold] = useState<string>()
  const acknowledge = async () => {
    setBusy(true)
    setTold(undefined)
    try {
      onChange((await call(acknowledgeHelpContract, { callId: help.id })).call)
    } catch (error) {
      const failure = asCallError(error)
      setTold(failure.message)
      // Someone was first: say who, from the call as it now stands.
      if (failure.code === 'HELP.ALREADY_ANSWERED' || failure.code === 'HELP.ENDED') {
        const fresh = await call(helpCallDetailContract, { callId: help.id }).catch(() => undefined)
        if (fresh) {
          onChange(fresh.call)
          setTold(failure.code === 'HELP.ALREADY_ANSWERED' ? `已经有人收到：${comingText(fresh.call) ?? ''}` : failure.message)
        }
      }
    } finally {
      setBusy(false)
    }
  }
  const raised = help.status === 'raised'
  const due = raised ? escalationText(help, now, nextTeam(help.level)) : undefined
  const coming = comingText(help)
  return (
    <View className={`help-alert${raised ? '' : ' help-alert--answered'}`} id={`help-alert-${help.id}`} data-status={help.status}>
      <Text className='help-alert__title'>{`一键求助：${helpCallerText(help)}`}</Text>
      <Text className='help-alert__line'>{`${agoText(help.raisedAt, now)}发出 · ${help.placeName}`}</Text>
      {help.address && <Text className='help-alert__line'>{`地点：${help.address}`}</Text>}
      {!help.address && help.location && <Text className='help-alert__line'>已附定位，详情里可看地图</Text>}
      {due && <Text className='help-alert__due'>{due}</Text>}
      {coming && <Text className='help-alert__line help-alert__coming'>{coming}</Text>}
      {told && <Text className='help-alert__told'>{told}</Text>}
      <View className='help-alert__actions'>
        {raised && (
          <View
            className={`help-alert__ack${busy ? ' help-alert__ack--busy' : ''}`}
            id={`help-ack-${help.id}`}
            onClick={() => !busy && void acknowledge()}
          >
            <Text>{busy ? '正在提交…' : '收到'}</Text>
          </View>
        )}
        <View className='help-alert__open' id={`help-open-${help.id}`} onClick={() => go(routes.staffHelpCall(help.id))}>
          <Text>详情 ›</Text>
        </View>
      </View>
    </View>
  )
}
