import { Text, View } from '@tarojs/components'
import { duplicateCandidatesContract, type DuplicateCandidate, type NoDuplicateSearchReason } from '@pingan/shared/contracts'

import { EmptyView, ErrorView, LoadingView } from '../../components/page-state'
import { useCall } from '../../hooks/use-call'
import { formatDateTime } from '../../labels/format'
import { STATUS_LABELS } from '../../labels/report-labels'
import { call } from '../../transport'

type Props = {
  reportId: string
  chosenId: string | undefined
  onChoose: (candidate: DuplicateCandidate) => void
}

/** Why no list can be made, in the words a grid worker reads. */
const NONE_TEXT: Record<NoDuplicateSearchReason, string> = {
  no_location: '这条上报没有位置，无法按距离找附近的同类上报',
  no_radius: '这一类上报不按位置判断重复',
}

/** `相距 18 米`; under a metre reads as the same place. */
export function distanceText(metres: number): string {
  return metres < 1 ? '就在同一位置' : `相距 ${metres} 米`
}

/**
 * 重复上报: the reports of the same category near this one (the `duplicateCandidates` call, nearest
 * first), as big cards; a tap chooses the one this report repeats. Loading, empty and failed states say
 * so in words, the failure with a 重试.
 */
export default function DuplicatePicker({ reportId, chosenId, onChoose }: Props) {
  const found = useCall(() => call(duplicateCandidatesContract, { reportId }), [reportId])

  if (!found.data) {
    if (found.error) return <ErrorView error={found.error} onRetry={() => void found.reload()} />
    return <LoadingView text='正在找附近的同类上报…' />
  }
  const { candidates, none, radiusM, windowDays } = found.data
  if (none) return <EmptyView text={NONE_TEXT[none]} />
  if (candidates.length === 0) return <EmptyView text={`附近没有同类上报（${radiusM} 米内、近 ${windowDays} 天）`} />
  return (
    <View className='duplicate-picker' role='radiogroup' aria-label='重复的是哪一条'>
      <Text className='duplicate-picker__hint'>
        点选它重复的那一条（{radiusM} 米内、近 {windowDays} 天的同类上报，近的在前）
      </Text>
      {candidates.map((candidate) => (
        <CandidateCard key={candidate.id} candidate={candidate} chosen={candidate.id === chosenId} onChoose={onChoose} />
      ))}
    </View>
  )
}

function CandidateCard({ candidate, chosen, onChoose }: { candidate: DuplicateCandidate; chosen: boolean; onChoose: Props['onChoose'] }) {
  return (
    <View
      id={`candidate-${candidate.id}`}
      role='radio'
      aria-checked={chosen}
      className={`duplicate-picker__card${chosen ? ' duplicate-picker__card--chosen' : ''}`}
      onClick={() => onChoose(candidate)}
    >
      <View className='duplicate-picker__top'>
        <Text className='duplicate-picker__distance'>
          {chosen ? `✓ ${distanceText(candidate.distanceM)}` : distanceText(candidate.distanceM)}
        </Text>
        <Text className='duplicate-picker__status'>{STATUS_LABELS[candidate.status]}</Text>
      </View>
      <Text className='duplicate-picker__text'>{candidate.text || '（没有文字）'}</Text>
      <Text className='duplicate-picker__meta'>
        {formatDateTime(candidate.submittedAt)} · 上报人：{candidate.reporterName ?? '匿名'}
      </Text>
      {candidate.ownerName && <Text className='duplicate-picker__meta'>办理单位：{candidate.ownerName}</Text>}
    </View>
  )
}
