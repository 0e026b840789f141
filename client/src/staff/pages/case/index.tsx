import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { acceptReportContract, rejectReportContract, reportDetailContract } from '@pingan/shared/contracts'
import { canMake } from '@pingan/shared/report'
import { useState } from 'react'

import BigButton from '../../../components/big-button'
import { ErrorView, LoadingView } from '../../../components/page-state'
import ReportDetailView from '../../../components/report-detail-view'
import { useCall } from '../../../hooks/use-call'
import { asCallError, call, type CallError } from '../../../transport'
import RejectForm, { type RejectRequest } from './reject-form'
import './index.scss'

type Mode = 'view' | 'rejecting'

// 案卷详情 for staff: the report and its timeline, and for a submitted one 受理 or 不予受理 (with reason).
export default function StaffCasePage() {
  const id = useRouter().params.id ?? ''
  const detail = useCall(async () => (await call(reportDetailContract, { reportId: id })).report, [id])
  const [mode, setMode] = useState<Mode>('view')
  const [acting, setActing] = useState(false)
  const [actionError, setActionError] = useState<CallError>()

  const act = async (run: () => Promise<unknown>, done: string) => {
    setActing(true)
    setActionError(undefined)
    try {
      await run()
      setMode('view')
      void Taro.showToast({ title: done, icon: 'none' })
      await detail.reload()
    } catch (error) {
      setActionError(asCallError(error))
    } finally {
      setActing(false)
    }
  }

  // 受理 is not asked again, unlike 不予受理 (RejectForm): it is most of a grid worker's taps in a day, and
  // a dialog on every one teaches tapping 确定 unread, which would blunt the one that matters. Its cost
  // when mistaken is bounded (one award, under the daily cap); a wrong 不予受理 tells a resident no.
  const accept = () => act(() => call(acceptReportContract, { reportId: id }), '已受理')
  const reject = (request: RejectRequest) => act(() => call(rejectReportContract, { ...request, reportId: id }), '已退回')

  if (!detail.data) {
    return detail.error ? <ErrorView error={detail.error} onRetry={() => void detail.reload()} /> : <LoadingView />
  }
  // The transition table decides, not a status compare: 受理 and 不予受理 both leave 待受理.
  const canDecide = canMake('accept', detail.data.status)
  return (
    <View className='staff-case'>
      <ReportDetailView report={detail.data} staffView />
      {canDecide && (
        <View className='staff-case__actions'>
          {actionError && <Text className='staff-case__error'>{actionError.message}</Text>}
          {mode === 'rejecting' ? (
            <RejectForm reportId={id} busy={acting} onSubmit={reject} onCancel={() => setMode('view')} />
          ) : (
            <>
              <BigButton id='accept-report' loading={acting} onClick={() => void accept()}>
                受理（有效上报）
              </BigButton>
              <BigButton id='start-reject' kind='danger' disabled={acting} onClick={() => setMode('rejecting')}>
                不予受理
              </BigButton>
            </>
          )}
        </View>
      )}
    </View>
  )
}
