import { Text, View } from '@tarojs/components'
import type { ReportDetail } from '@pingan/shared/contracts'

import { formatDateTime } from '../../labels/format'
import { EVENT_LABELS, REJECT_REASON_LABELS } from '../../labels/report-labels'
import './index.scss'

type Event = ReportDetail['events'][number]

/** The report's progress (办理进度), oldest first: every step with who, when, why (a 不予受理) and what they said. */
export default function Timeline({ events }: { events: readonly Event[] }) {
  const ordered = [...events].sort((a, b) => a.seq - b.seq)
  return (
    <View className='timeline'>
      {ordered.map((event, index) => (
        <View
          key={event.seq}
          className={`timeline__item${index === ordered.length - 1 ? ' timeline__item--latest' : ''}`}
          data-event={event.type}
        >
          <View className='timeline__dot' />
          <View className='timeline__body'>
            <Text className='timeline__title'>{EVENT_LABELS[event.type]}</Text>
            <Text className='timeline__meta'>
              {event.actor ? `${formatDateTime(event.at)}　${event.actor.name}` : formatDateTime(event.at)}
            </Text>
            {event.rejection && <Text className='timeline__reason'>原因：{REJECT_REASON_LABELS[event.rejection.reason]}</Text>}
            {event.note && <Text className='timeline__note'>{event.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
