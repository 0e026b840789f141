import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { caseActionsContract, reportDetailContract } from '@pingan/shared/contracts'
import { useEffect, useState } from 'react'

import { ErrorView, LoadingView } from '../../components/page-state'
import ReportDetailView from '../../components/report-detail-view'
import { useCall } from '../../hooks/use-call'
import { asCallError, call, type CallError } from '../../transport'
import CasePanel from './case-panel'
import { useTemplates } from './use-templates'
import './index.scss'

type Props = {
  reportId: string
  /** Told after a move went through, so a list beside the case can show its new state. */
  onChanged?: () => void
}

/**
 * One case for staff: the report and its timeline, then what the caller may do now. The case page shows
 * it alone; the inbox shows it beside the list on a wide screen (staff/pages/inbox).
 */
export default function CaseView({ reportId, onChanged }: Props) {
  const loaded = useCall(async () => {
    const [detail, actions] = await Promise.all([call(reportDetailContract, { reportId }), call(caseActionsContract, { reportId })])
    return { report: detail.report, actions }
  }, [reportId])
  const phrasesFor = useTemplates(loaded.data?.report)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<CallError>()
  // Beside the inbox another case can be opened: what went wrong on the last one is not this one's.
  useEffect(() => setError(undefined), [reportId])

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setError(undefined)
    try {
      await run()
      void Taro.showToast({ title: done, icon: 'none' })
      await loaded.reload()
      onChanged?.()
    } catch (failure) {
      setError(asCallError(failure))
    } finally {
      setBusy(false)
    }
  }

  if (!loaded.data || loaded.data.report.id !== reportId) {
    return loaded.error ? <ErrorView error={loaded.error} onRetry={() => void loaded.reload()} /> : <LoadingView />
  }
  const { report, actions } = loaded.data
  return (
    <View className='staff-case' data-report-id={report.id}>
      <ReportDetailView report={report} staffView />
      {/* Keyed by case and status: a half-written note belongs to the case and step it was written for. */}
      <CasePanel
        key={`${report.id}:${report.status}`}
        report={report}
        actions={actions}
        busy={busy}
        error={error}
        phrasesFor={phrasesFor}
        act={act}
      />
    </View>
  )
}
