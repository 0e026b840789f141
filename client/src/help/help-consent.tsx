import { Text, View } from '@tarojs/components'
import type { HelpCallView } from '@pingan/shared/contracts'
import { useState } from 'react'

import { askConsent, HELP_CONSENT, templateIdsFor } from '../device/subscribe'
import { useCatalog } from '../hooks/use-catalog'

// WeChat's one-time consent for help messages (device/subscribe.ts). Never a dialog before a call goes out:
// the caller is asked, by a tap of their own, only once it is sent. Mini-program only, as every ask; the
// browser build, without subscribe messages, shows neither.

// The calls whose caller was asked during this visit to the app: the button is not offered twice.
const asked = new Set<string>()

/** 有人响应时微信通知我 on a sent call nobody has answered yet, until tapped once for it. */
export function CallerConsent({ call }: { call: HelpCallView }) {
  if (process.env.TARO_ENV !== 'weapp' || call.status !== 'raised' || asked.has(call.id)) return null
  return <CallerAsk callId={call.id} />
}

function CallerAsk({ callId }: { callId: string }) {
  const templates = useCatalog().data?.subscribeTemplates
  const [, setDone] = useState(false)
  if (asked.has(callId) || templateIdsFor(HELP_CONSENT.caller, templates).length === 0) return null
  const ask = () => {
    asked.add(callId)
    setDone(true)
    void askConsent(HELP_CONSENT.caller, templates)
  }
  return (
    <View className='help-consent' id='help-consent' onClick={ask}>
      <Text>有人响应时微信通知我</Text>
    </View>
  )
}

/**
 * 订阅求助微信提醒 for staff who answer calls: each tap allows one message each of a new call, one gone up
 * to them and one cancelled, so it stays, to be tapped again.
 */
export function StaffReminders() {
  if (process.env.TARO_ENV !== 'weapp') return null
  return <StaffAsk />
}

function StaffAsk() {
  const templates = useCatalog().data?.subscribeTemplates
  const [accepted, setAccepted] = useState(false)
  if (templateIdsFor(HELP_CONSENT.staff, templates).length === 0) return null
  const ask = () => {
    askConsent(HELP_CONSENT.staff, templates).then(
      (ids) => ids.length > 0 && setAccepted(true),
      () => undefined,
    )
  }
  return (
    <View className='help-reminders' id='help-reminders' onClick={ask}>
      <Text className='help-reminders__title'>{accepted ? '已订阅求助微信提醒' : '订阅求助微信提醒'}</Text>
      <Text className='help-reminders__hint'>每点一次，新求助、无人响应、取消各提醒一次；收到后请再点一次。</Text>
    </View>
  )
}
