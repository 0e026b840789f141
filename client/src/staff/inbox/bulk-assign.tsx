import { Text, View } from '@tarojs/components'
import { assignReportsContract, caseActionsContract, type AssignOutcome } from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import { ErrorView, LoadingView } from '../../components/page-state'
import { useCall } from '../../hooks/use-call'
import { asCallError, call, friendlyMessage, type CallError } from '../../transport'
import AssignForm, { type AssignRequest } from '../case/assign-form'

type Props = {
  reportIds: readonly string[]
  /** Every case's outcome, once the call answered. */
  onDone: (results: AssignOutcome[]) => void
  onCancel: () => void
}

/** What the page says after a 批量派单: how many went, and why each of the others did not. */
export function bulkSummary(results: readonly AssignOutcome[]): string[] {
  const refused = results.filter((r) => !r.ok)
  const lines = [`已派出 ${results.length - refused.length} 件`]
  for (const r of refused) lines.push(`${r.reportId} 没有派出：${friendlyMessage(r.code ?? '')}`)
  return lines
}

/**
 * 批量派单: the chosen cases (one grid's, so one list of people fits them all) to one assignee with one
 * note. Whom the caller may hand them to comes from the first case (caseActions); the server still
 * decides each case on its own (assignReports) and answers each.
 */
export default function BulkAssign({ reportIds, onDone, onCancel }: Props) {
  const first = reportIds[0] ?? ''
  const options = useCall(() => call(caseActionsContract, { reportId: first }), [first])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<CallError>()

  const submit = async (request: AssignRequest) => {
    setBusy(true)
    setError(undefined)
    try {
      onDone((await call(assignReportsContract, { ...request, reportIds: [...reportIds] })).results)
    } catch (failure) {
      setError(asCallError(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='staff-inbox__bulk' id='bulk-assign'>
      <Text className='staff-inbox__bulk-title'>批量派单：已选 {reportIds.length} 件</Text>
      {error && <Text className='staff-case__error'>{error.message}</Text>}
      {options.data ? (
        <AssignForm
          people={options.data.people}
          departments={options.data.departments}
          busy={busy}
          phrases={[]}
          submitText={`派出这 ${reportIds.length} 件`}
          onSubmit={(request) => void submit(request)}
        />
      ) : options.error ? (
        <ErrorView error={options.error} onRetry={() => void options.reload()} />
      ) : (
        <LoadingView text='正在查可以派给谁…' />
      )}
      <BigButton kind='secondary' disabled={busy} onClick={onCancel}>
        取消
      </BigButton>
    </View>
  )
}
