import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { rateReportContract, reopenReportContract, withdrawReportContract, type ReportDetail } from '@pingan/shared/contracts'
import { canMake, mayReopen } from '@pingan/shared/report'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import ConfirmDialog from '../../components/confirm-dialog'
import { asCallError, call, type CallError } from '../../transport'
import RateForm, { type RateRequest } from './rate-form'
import ReopenForm from './reopen-form'

type Props = {
  report: ReportDetail
  /** Whether the viewer filed it: only the reporter withdraws, rates and reopens (a follower only watches). */
  isReporter: boolean
  /** Called after a move went through, to show the report as it is now. */
  onChanged: () => Promise<void>
  /** The moment the page is read at (the 7-day reopen window); the clock is read by the page, not here. */
  now: number
}

/**
 * What the reporter can do next, as the domain decides: 撤回 before anyone accepted it (asked once
 * more), 评价 once it is closed, 申请重新办理 after a 不满意 rating within the window. Nothing otherwise.
 */
export default function ResidentActions({ report, isReporter, onChanged, now }: Props) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<CallError>()
  const [askingWithdraw, setAskingWithdraw] = useState(false)

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setError(undefined)
    try {
      await run()
      setAskingWithdraw(false)
      void Taro.showToast({ title: done, icon: 'none' })
      await onChanged()
    } catch (failure) {
      setAskingWithdraw(false)
      setError(asCallError(failure))
    } finally {
      setBusy(false)
    }
  }
  const reportId = report.id
  const withdraw = () => act(() => call(withdrawReportContract, { reportId }), '已撤回')
  const rate = (request: RateRequest) => act(() => call(rateReportContract, { reportId, ...request }), '谢谢您的评价')
  const reopen = (note: string) => act(() => call(reopenReportContract, { reportId, note }), '已申请重新办理')

  if (!isReporter) return null
  const canWithdraw = canMake('withdraw', report.status)
  const canRate = canMake('rate', report.status)
  const canReopen = canMake('reopen', report.status) && mayReopen(report, now)
  if (!canWithdraw && !canRate && !canReopen && !error) return null
  return (
    <View className='report-actions' id='resident-actions'>
      {error && (
        <Text className='report-actions__error' id='action-error'>
          {error.message}
        </Text>
      )}
      {canRate && <RateForm busy={busy} onSubmit={rate} />}
      {canReopen && <ReopenForm busy={busy} onSubmit={reopen} />}
      {canWithdraw && (
        <>
          <Text className='report-actions__hint'>还没有人受理：如果问题已经解决或报错了，可以撤回。</Text>
          <BigButton id='start-withdraw' kind='danger' disabled={busy} onClick={() => setAskingWithdraw(true)}>
            撤回这条上报
          </BigButton>
          <ConfirmDialog
            id='confirm-withdraw-dialog'
            open={askingWithdraw}
            title='撤回这条上报？'
            message='撤回后网格员不再办理，也不能撤销。'
            confirmText='确认撤回'
            danger
            busy={busy}
            onConfirm={() => void withdraw()}
            onCancel={() => setAskingWithdraw(false)}
          />
        </>
      )}
    </View>
  )
}
