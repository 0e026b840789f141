import { Text, View } from '@tarojs/components'
import type { PhotoUrls, ReportDetail } from '@pingan/shared/contracts'

import { formatDateTime } from '../../labels/format'
import { satisfactionWord, starsText } from '../../labels/rating-labels'
import { REVERSAL_CAUSE_LABELS } from '../../labels/points-labels'
import { EVENT_LABELS, REJECT_REASON_LABELS } from '../../labels/report-labels'
import { actorText } from '../../labels/timeline-labels'
import ReportPhotos from '../report-photos'
import './index.scss'

type Event = ReportDetail['events'][number]

/**
 * The report's progress (办理进度), oldest first: every step with when, who (capacity and name, as the
 * server lets this viewer see them), why (a 不予受理, a 撤销奖励), the verdict (评价), what they said and their photos.
 */
export default function Timeline({ events, photoUrls }: { events: readonly Event[]; photoUrls?: PhotoUrls }) {
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
            <Text className='timeline__meta' data-role={event.actor?.role ?? ''}>
              {`${formatDateTime(event.at)}　${actorText(event.actor)}`}
            </Text>
            {event.rejection && <Text className='timeline__reason'>原因：{REJECT_REASON_LABELS[event.rejection.reason]}</Text>}
            {event.reversalCause && <Text className='timeline__reason'>原因：{REVERSAL_CAUSE_LABELS[event.reversalCause]}</Text>}
            {event.rating && (
              <Text className='timeline__reason timeline__verdict'>
                {starsText(event.rating.satisfaction)} {satisfactionWord(event.rating.satisfaction)}
              </Text>
            )}
            {event.rating?.comment && <Text className='timeline__note'>{event.rating.comment}</Text>}
            {event.note && <Text className='timeline__note'>{event.note}</Text>}
            {event.photos && event.photos.length > 0 && <ReportPhotos photos={event.photos} urls={photoUrls} />}
          </View>
        </View>
      ))}
    </View>
  )
}
