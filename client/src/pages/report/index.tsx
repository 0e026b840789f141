import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { reportDetailContract } from '@pingan/shared/contracts'
import { useRef } from 'react'

import { ErrorView, LoadingView } from '../../components/page-state'
import ReportDetailView from '../../components/report-detail-view'
import { useCall } from '../../hooks/use-call'
import { call } from '../../transport'

// 办理进度: one of my reports with its timeline (pull down to refresh). Coming back to the page after its
// photos' temporary URLs ran out fetches fresh ones.
export default function ReportPage() {
  const id = useRouter().params.id ?? ''
  const detail = useCall(async () => (await call(reportDetailContract, { reportId: id })).report, [id])
  usePullDownRefresh(() => void detail.reload().finally(() => Taro.stopPullDownRefresh()))
  const latest = useRef(detail)
  latest.current = detail
  useDidShow(() => {
    const expiresAt = latest.current.data?.photoUrls?.expiresAt
    if (expiresAt !== undefined && expiresAt <= Date.now() && !latest.current.loading) void latest.current.reload()
  })

  if (detail.data) return <ReportDetailView report={detail.data} />
  if (detail.error) return <ErrorView error={detail.error} onRetry={() => void detail.reload()} />
  return <LoadingView />
}
