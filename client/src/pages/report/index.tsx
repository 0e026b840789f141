import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { reportDetailContract } from '@pingan/shared/contracts'
import { useRef } from 'react'

import BigButton from '../../components/big-button'
import { EmptyView, ErrorView, LoadingView } from '../../components/page-state'
import ReportDetailView from '../../components/report-detail-view'
import SubscribePrompt from '../../components/subscribe-prompt'
import { useCall } from '../../hooks/use-call'
import { isCaseWorker, useMe } from '../../hooks/use-me'
import { goHome } from '../../routes'
import { call } from '../../transport'
import ResidentActions from './resident-actions'
import UnfollowButton from './unfollow-button'
import './index.scss'

// 办理进度: one of my reports (or one I follow) with its timeline and what I can do next (pull down to
// refresh). Coming back to the page after its photos' temporary URLs ran out fetches fresh ones.
export default function ReportPage() {
  const id = useRouter().params.id ?? ''
  const detail = useCall(async () => (await call(reportDetailContract, { reportId: id })).report, [id])
  const me = useMe()
  usePullDownRefresh(() => void detail.reload().finally(() => Taro.stopPullDownRefresh()))
  const latest = useRef(detail)
  latest.current = detail
  useDidShow(() => {
    const expiresAt = latest.current.data?.photoUrls?.expiresAt
    if (expiresAt !== undefined && expiresAt <= Date.now() && !latest.current.loading) void latest.current.reload()
  })

  if (detail.data) {
    // The reporter always sees themself on their own report (visibility), so the ids tell the reporter from a follower.
    const isReporter = me.data !== undefined && detail.data.reporter?.id === me.data.id
    return (
      <View className='report-page'>
        <ReportDetailView report={detail.data} />
        <ResidentActions report={detail.data} isReporter={isReporter} now={Date.now()} onChanged={detail.reload} />
        {/* A resident reads someone else's report only as its follower (我也遇到); staff work cases on their own page. */}
        {me.data && !isReporter && !isCaseWorker(me.data) && <UnfollowButton reportId={detail.data.id} />}
        <SubscribePrompt status={detail.data.status} />
      </View>
    )
  }
  // A link with a wrong or unknown id, or a report withdrawn or not theirs to read: not their mistake, and a way on.
  if (!id || detail.error?.code === 'REPORT.NOT_FOUND' || detail.error?.code === 'INPUT.INVALID') {
    return (
      <EmptyView text='找不到这条上报'>
        <Text className='report-page__not-found' id='report-not-found'>
          它可能已经撤回，或者链接有误。
        </Text>
        <BigButton id='not-found-home' onClick={goHome}>
          回到首页
        </BigButton>
      </EmptyView>
    )
  }
  if (detail.error) return <ErrorView error={detail.error} onRetry={() => void detail.reload()} />
  return <LoadingView />
}
