import { Text, View } from '@tarojs/components'
import type { ReportSummary } from '@pingan/shared/contracts'

import { categoryName } from '../../labels/categories'
import { formatDateTime } from '../../labels/format'
import { ownerText } from '../../labels/owner-labels'
import { STATUS_LABELS } from '../../labels/report-labels'
import LightBadge from '../light-badge'
import './index.scss'

type Props = {
  report: ReportSummary
  onOpen: (id: string) => void
  /** Extra lines under the summary (a staff member's deadline, a 督办 marker …). */
  extra?: React.ReactNode
}

/** One report in a list: what, who has it, when, where it stands, its light; the whole card is the tap target. */
export default function ReportCard({ report, onOpen, extra }: Props) {
  return (
    <View className='report-card' data-report-id={report.id} onClick={() => onOpen(report.id)}>
      <View className='report-card__top'>
        <Text className='report-card__category'>{report.categoryName ?? categoryName(report.categoryCode)}</Text>
        <Text className={`report-card__status report-card__status--${report.status}`}>{STATUS_LABELS[report.status]}</Text>
      </View>
      {report.text !== '' && <Text className='report-card__text'>{report.text}</Text>}
      {/* Only a name: a code on every card would be noise; the detail falls back to it. */}
      {report.ownerName && <Text className='report-card__owner'>办理单位：{ownerText(report)}</Text>}
      <View className='report-card__bottom'>
        <Text className='report-card__time'>{formatDateTime(report.submittedAt)}</Text>
        <LightBadge light={report.light} />
      </View>
      {extra}
    </View>
  )
}
