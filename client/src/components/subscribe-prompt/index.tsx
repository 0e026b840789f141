import { Text, View } from '@tarojs/components'
import type { ReportStatus } from '@pingan/shared/report'
import { useState } from 'react'

import { askConsent, templateIdsFor, type MessageKind } from '../../device/subscribe'
import { useCatalog } from '../../hooks/use-catalog'
import './index.scss'

/** What an open report will tell its people next, by where it stands; nothing once it is closed. */
export function nextKinds(status: ReportStatus): MessageKind[] {
  switch (status) {
    case 'submitted':
      return ['accepted', 'rejected', 'resolved']
    case 'accepted':
    case 'assigned':
    case 'in_progress':
      return ['resolved', 'closed']
    case 'resolved':
      return ['closed']
    default:
      return []
  }
}

/**
 * A touchpoint for WeChat's one-time consent on a report still moving: one tap asks for the next
 * messages (办结, 结案 …), since each consent covers one message. Mini-program only; the browser build,
 * which has no subscribe messages, shows nothing (the 消息 list tells everyone everything anyway).
 */
export default function SubscribePrompt({ status }: { status: ReportStatus }) {
  if (process.env.TARO_ENV !== 'weapp' || nextKinds(status).length === 0) return null
  return <Prompt status={status} />
}

function Prompt({ status }: { status: ReportStatus }) {
  const catalog = useCatalog()
  const [answer, setAnswer] = useState<'accepted' | 'declined'>()
  const kinds = nextKinds(status)
  if (templateIdsFor(kinds, catalog.data?.subscribeTemplates).length === 0) return null
  const ask = () => {
    askConsent(kinds, catalog.data?.subscribeTemplates).then(
      (ids) => setAnswer(ids.length > 0 ? 'accepted' : 'declined'),
      () => undefined,
    )
  }
  return (
    <View className='subscribe-prompt' id='subscribe-prompt' onClick={ask}>
      <Text className='subscribe-prompt__title'>{answer === 'accepted' ? '已订阅：有进展时微信会提醒您' : '订阅微信提醒'}</Text>
      <Text className='subscribe-prompt__hint'>
        {answer === 'declined' ? '没有订阅也不要紧，进展都会出现在“消息”里' : '办结、结案时通知我（每次订阅提醒一次）'}
      </Text>
    </View>
  )
}
