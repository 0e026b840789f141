import { Text, View } from '@tarojs/components'
import type { ReportDetail } from '@pingan/shared/contracts'

import { categoryName } from '../../labels/categories'
import { formatDateTime } from '../../labels/format'
import { ownerText } from '../../labels/owner-labels'
import { satisfactionWord, starsText } from '../../labels/rating-labels'
import { placeText } from '../../labels/timeline-labels'
import { REJECT_REASON_LABELS, STATUS_LABELS } from '../../labels/report-labels'
import { go, routes } from '../../routes'
import LightBadge from '../light-badge'
import ReportPhotos from '../report-photos'
import Timeline from '../timeline'
import './index.scss'

/**
 * Which report this one repeated, to open: its reporter was made a follower of it when it was merged there
 * (reportDetail lets a follower read it, never its reporter), staff open it as a case.
 */
function DuplicateOf({ id, staffView }: { id: string; staffView?: boolean }) {
  return (
    <View
      className='report-detail__duplicate'
      id='duplicate-of'
      role='link'
      data-report-id={id}
      onClick={() => go(staffView ? routes.staffCase(id) : routes.report(id))}
    >
      <Text>已和先报的同一件事一起办理</Text>
      <Text className='report-detail__duplicate-open'>查看那一条的办理进度 ›</Text>
      <Text className='report-detail__duplicate-id'>{`那一条的编号：${id}`}</Text>
    </View>
  )
}

/** One report in full: what, where (by name; staff also get the coordinates), who owns it, why it was turned down, its rating and its timeline. */
export default function ReportDetailView({ report, staffView }: { report: ReportDetail; staffView?: boolean }) {
  const place = placeText(report)
  return (
    <View className='report-detail'>
      <View className='report-detail__card'>
        <View className='report-detail__top'>
          <Text className='report-detail__category'>{report.categoryName ?? categoryName(report.categoryCode)}</Text>
          <LightBadge light={report.light} />
        </View>
        <Text className='report-detail__status' id='report-status' data-status={report.status}>
          {STATUS_LABELS[report.status]}
        </Text>
        {report.text !== '' && <Text className='report-detail__text'>{report.text}</Text>}
        <ReportPhotos photos={report.photos} urls={report.photoUrls} />
        <Text className='report-detail__meta'>提交时间：{formatDateTime(report.submittedAt)}</Text>
        <Text className='report-detail__meta' id='report-owner' data-owner={report.ownerCode}>
          办理单位：{ownerText(report)}
        </Text>
        {place !== undefined && (
          <Text className='report-detail__meta' id='report-place'>
            位置：{place}
          </Text>
        )}
        {report.location && (
          // Only staff are sent the numbers (to find the spot); a resident reads the place by name.
          <Text className='report-detail__meta'>
            坐标：经度 {report.location[0].toFixed(5)}，纬度 {report.location[1].toFixed(5)}
          </Text>
        )}
        {staffView && (
          <Text className='report-detail__meta'>上报人：{report.anonymous || !report.reporter ? '匿名' : report.reporter.name}</Text>
        )}
        {report.rejection && (
          <Text className='report-detail__rejection'>不予受理的原因：{REJECT_REASON_LABELS[report.rejection.reason]}</Text>
        )}
        {report.rejection?.duplicateOf !== undefined && <DuplicateOf id={report.rejection.duplicateOf} staffView={staffView} />}
        {report.rating && (
          <Text className='report-detail__rating' id='report-rating' data-satisfaction={report.rating.satisfaction}>
            评价：{starsText(report.rating.satisfaction)} {satisfactionWord(report.rating.satisfaction)}
            {report.rating.comment ? `\n“${report.rating.comment}”` : ''}
          </Text>
        )}
      </View>
      <View className='report-detail__card'>
        <Text className='report-detail__heading'>办理进度</Text>
        <Timeline events={report.events} photoUrls={report.photoUrls} />
      </View>
    </View>
  )
}
