import { Text, View } from '@tarojs/components'
import { followReportContract, nearbyReportsContract, type NearbyReport } from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import { useCall } from '../../hooks/use-call'
import { ownerText } from '../../labels/owner-labels'
import { STATUS_LABELS } from '../../labels/report-labels'
import { go, routes } from '../../routes'
import { asCallError, call, type CallError } from '../../transport'

type Props = { categoryCode?: string; location?: readonly [number, number] }

/** How far, in the words a neighbour uses: 就在附近 under 10 m, else about so many metres. */
export function distanceWords(distanceM: number): string {
  return distanceM < 10 ? '就在附近' : distanceM < 1000 ? `约 ${distanceM} 米` : `约 ${(distanceM / 1000).toFixed(1)} 公里`
}

/** Where it is, by name: its grid (with the community) when a grid has it, else its community. */
export function placeWords(report: NearbyReport): string | undefined {
  if (report.ownerLevel === 'grid' && report.ownerName) return ownerText({ ownerCode: '', ...report })
  return report.communityName ?? report.ownerName
}

/**
 * 我也遇到: once a category and a place are chosen, the open reports of that category nearby (as the
 * server finds them: the category's radius, nearest first), so a resident whose problem is already being
 * handled can follow it (关注) instead of filing it again, and then read its progress.
 */
export default function NearbyReports({ categoryCode, location }: Props) {
  const ready = categoryCode !== undefined && location !== undefined
  const nearby = useCall(
    async () => (ready ? await call(nearbyReportsContract, { categoryCode, location: [location[0], location[1]] }) : undefined),
    [categoryCode, location?.[0], location?.[1]],
  )
  const [following, setFollowing] = useState<string>()
  const [error, setError] = useState<CallError>()

  const follow = async (report: NearbyReport) => {
    setFollowing(report.id)
    setError(undefined)
    try {
      await call(followReportContract, { reportId: report.id })
      go(routes.report(report.id))
      void nearby.reload()
    } catch (failure) {
      setError(asCallError(failure))
    } finally {
      setFollowing(undefined)
    }
  }

  const items = ready ? (nearby.data?.items ?? []) : []
  // Quiet while it loads or when it fails: the form works without it, and a resident may simply report.
  if (items.length === 0) return null
  return (
    <View className='report-new__section nearby' id='nearby-reports'>
      <Text className='report-new__label'>附近已有人报过同类问题</Text>
      <Text className='report-new__hint'>如果是同一件事，点“我也遇到”关注它，办理进展会告诉您，不用再报一次。</Text>
      {error && <Text className='report-new__error'>{error.message}</Text>}
      {items.map((report) => (
        <View key={report.id} className='nearby__item' id={`nearby-${report.id}`} data-status={report.status}>
          <View className='nearby__top'>
            <Text className='nearby__status'>{STATUS_LABELS[report.status]}</Text>
            <Text className='nearby__distance'>{distanceWords(report.distanceM)}</Text>
          </View>
          {report.text !== undefined && <Text className='nearby__text'>{report.text}</Text>}
          {placeWords(report) !== undefined && <Text className='report-new__hint'>地点：{placeWords(report)}</Text>}
          <Text className='report-new__hint nearby__support'>
            {report.supportCount > 0 ? `${report.supportCount} 人也遇到` : '还没有人关注'}
          </Text>
          {report.mine || report.following ? (
            <BigButton id={`open-nearby-${report.id}`} kind='secondary' onClick={() => go(routes.report(report.id))}>
              {report.mine ? '这是您报的，查看进度' : '已关注，查看进度'}
            </BigButton>
          ) : (
            <BigButton
              id={`follow-${report.id}`}
              kind='secondary'
              loading={following === report.id}
              disabled={following !== undefined && following !== report.id}
              onClick={() => void follow(report)}
            >
              我也遇到（关注）
            </BigButton>
          )}
        </View>
      ))}
    </View>
  )
}
