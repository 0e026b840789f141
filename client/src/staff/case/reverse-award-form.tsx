import { Text, View } from '@tarojs/components'
import type { ReversalCause } from '@pingan/shared/points'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import ConfirmDialog from '../../components/confirm-dialog'
import { formatYuan } from '../../labels/format'
import { REVERSAL_CAUSE_LABELS } from '../../labels/points-labels'
import NoteField from './note-field'

export type ReverseRequest = { cause: ReversalCause; note: string }
/** What the report's award paid (caseActions' `award`): fen or community points. */
export type PaidAward = { unit: 'fen' | 'point'; amount: number }

type Props = {
  award: PaidAward
  busy: boolean
  /** Settles once the reversal has been tried (its failure shown by the page), so the dialog can close. */
  onSubmit: (request: ReverseRequest) => Promise<void>
}

const CAUSES: ReversalCause[] = ['invalid', 'duplicate']

/** What is taken back, in words: `1.50 元奖励金` or `5 爱心积分`. */
export function awardText(award: PaidAward): string {
  return award.unit === 'fen' ? `${formatYuan(award.amount)} 元奖励金` : `${award.amount} 爱心积分`
}

/** What the dialog says before the reversal is sent: what is taken back, why, and who will read it. */
export function reverseSummary(award: PaidAward, request: ReverseRequest): string {
  return [
    `撤销上报人因这条上报得到的${awardText(award)}。`,
    `原因：${REVERSAL_CAUSE_LABELS[request.cause]}`,
    `说明：${request.note}`,
    '上报人会在上报的进度和积分记录里看到。撤销后不能恢复；已结算月份的奖励金从下次结算中扣除。',
  ].join('\n')
}

/**
 * 撤销奖励 (reverseAward): for those caseActions offers it to (the grid's 网格长, a centre at or above the
 * owner), on an accepted report whose award paid something. A cause (无效 / 重复) and words are required,
 * and the form asks once more (ConfirmDialog) before sending, saying what will be taken back.
 */
export default function ReverseAwardForm({ award, busy, onSubmit }: Props) {
  const [open, setOpen] = useState(false)
  const [cause, setCause] = useState<ReversalCause>()
  const [note, setNote] = useState('')
  const [asking, setAsking] = useState<ReverseRequest>()
  const trimmed = note.trim()
  const missing = !cause ? '请选择撤销的原因' : trimmed === '' ? '请写明撤销的理由' : undefined
  const confirm = async () => {
    if (!asking) return
    await onSubmit(asking)
    setAsking(undefined)
  }

  if (!open) {
    return (
      <BigButton id='start-reverseAward' kind='secondary' disabled={busy} onClick={() => setOpen(true)}>
        撤销奖励
      </BigButton>
    )
  }
  return (
    <View className='staff-case__form' id='reverseAward-form'>
      <Text className='staff-case__label'>{`撤销奖励：已发${awardText(award)}`}</Text>
      {CAUSES.map((c) => (
        <View
          key={c}
          id={`cause-${c}`}
          role='radio'
          aria-checked={cause === c}
          className={`staff-case__reason${cause === c ? ' staff-case__reason--chosen' : ''}`}
          onClick={() => setCause(c)}
        >
          <Text>{cause === c ? `✓ ${REVERSAL_CAUSE_LABELS[c]}` : REVERSAL_CAUSE_LABELS[c]}</Text>
        </View>
      ))}
      <NoteField id='reverseAward-note' value={note} onChange={setNote} placeholder='撤销的理由（必填，上报人会看到）' />
      {missing && <Text className='staff-case__hint'>{missing}</Text>}
      <BigButton
        id='confirm-reverseAward'
        kind='danger'
        disabled={!!missing}
        loading={busy}
        onClick={() => cause && !missing && setAsking({ cause, note: trimmed })}
      >
        确认撤销奖励
      </BigButton>
      <BigButton kind='secondary' disabled={busy} onClick={() => setOpen(false)}>
        取消
      </BigButton>
      <ConfirmDialog
        id='reverseAward-dialog'
        open={asking !== undefined}
        title='确定撤销这笔奖励吗？'
        message={asking && reverseSummary(award, asking)}
        confirmText='撤销奖励'
        cancelText='再想想'
        danger
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(undefined)}
      />
    </View>
  )
}
