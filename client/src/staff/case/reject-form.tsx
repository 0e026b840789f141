import { Input, Text, View } from '@tarojs/components'
import type { DuplicateCandidate, RequestOf, rejectReportContract } from '@pingan/shared/contracts'
import { useState } from 'react'

import BigButton from '../../components/big-button'
import ConfirmDialog from '../../components/confirm-dialog'
import { formatDateTime } from '../../labels/format'
import { REJECT_REASON_LABELS } from '../../labels/report-labels'
import DuplicatePicker, { distanceText } from './duplicate-picker'
import NoteField from './note-field'

type Reason = keyof typeof REJECT_REASON_LABELS
type WithoutReportId<T> = T extends unknown ? Omit<T, 'reportId'> : never
/** The request without its report id, kept as a union (a duplicate carries `duplicateOf`). */
export type RejectRequest = WithoutReportId<RequestOf<typeof rejectReportContract>>

/** `onSubmit` settles once the reject has been tried (its failure shown by the page), so the dialog can close. */
type Props = {
  reportId: string
  busy: boolean
  /** 常用语 for the note. */
  phrases?: readonly string[]
  onSubmit: (request: RejectRequest) => Promise<void>
  onCancel: () => void
}

const REASONS: Reason[] = ['invalid', 'duplicate', 'out_of_scope']

/** The report a duplicate repeats, as the grid worker recognises it: its words, distance and time. */
export function originalText(candidate: DuplicateCandidate): string {
  return `“${candidate.text}”（${distanceText(candidate.distanceM)}，${formatDateTime(candidate.submittedAt)}）`
}

/**
 * What the reporter will be told, in the words the dialog shows before it is sent; the duplicated report
 * by its text when it was picked from the list (`original`), by its number when it was typed.
 */
export function rejectSummary(request: RejectRequest, original?: DuplicateCandidate): string {
  const lines = [`原因：${REJECT_REASON_LABELS[request.reason]}`]
  if (request.reason === 'duplicate') lines.push(`重复的上报：${original ? originalText(original) : `编号 ${request.duplicateOf}`}`)
  lines.push(request.note ? `说明：${request.note}` : '没有写说明。')
  lines.push('上报人会看到这些；退回后不能撤销，也不发积分。')
  return lines.join('\n')
}

/**
 * 不予受理: a reason (a duplicate names the report it repeats, picked from the near reports of its
 * category, or by number when it is not among them) and a note the reporter will read. The reporter is
 * told no and it cannot be taken back, so the form asks once more (ConfirmDialog) before sending,
 * showing what it will say.
 */
export default function RejectForm({ reportId, busy, phrases, onSubmit, onCancel }: Props) {
  const [reason, setReason] = useState<Reason>()
  const [chosen, setChosen] = useState<DuplicateCandidate>()
  const [typing, setTyping] = useState(false)
  const [typed, setTyped] = useState('')
  const [note, setNote] = useState('')
  const [asking, setAsking] = useState<{ request: RejectRequest; original?: DuplicateCandidate }>()

  const duplicateOf = typing ? typed.trim() : (chosen?.id ?? '')
  const missing = !reason
    ? '请选择原因'
    : reason === 'duplicate' && duplicateOf === ''
      ? typing
        ? '请填写重复的那条上报的编号'
        : '请点选重复的那一条上报'
      : undefined
  const ask = () => {
    if (!reason || missing) return
    const trimmed = note.trim()
    const withNote = trimmed ? { note: trimmed } : {}
    if (reason !== 'duplicate') return setAsking({ request: { reason, ...withNote } })
    setAsking({ request: { reason, duplicateOf, ...withNote }, ...(!typing && chosen && { original: chosen }) })
  }
  const confirm = async () => {
    if (!asking) return
    await onSubmit(asking.request)
    setAsking(undefined)
  }

  return (
    <View className='staff-case__reject' id='reject-form'>
      <Text className='staff-case__label'>为什么不受理</Text>
      {REASONS.map((r) => (
        <View
          key={r}
          id={`reason-${r}`}
          role='radio'
          aria-checked={reason === r}
          className={`staff-case__reason${reason === r ? ' staff-case__reason--chosen' : ''}`}
          onClick={() => setReason(r)}
        >
          <Text>{reason === r ? `✓ ${REJECT_REASON_LABELS[r]}` : REJECT_REASON_LABELS[r]}</Text>
        </View>
      ))}
      {reason === 'duplicate' && !typing && <DuplicatePicker reportId={reportId} chosenId={chosen?.id} onChoose={setChosen} />}
      {reason === 'duplicate' && typing && (
        <Input
          id='duplicate-of'
          className='staff-case__input'
          value={typed}
          placeholder='重复的那条上报的编号'
          onInput={(e) => setTyped(e.detail.value)}
        />
      )}
      {reason === 'duplicate' && (
        // The list covers the same category nearby; a duplicate elsewhere (or of a category without a
        // radius) can still be named by its number.
        <Text id='toggle-duplicate-input' className='staff-case__link' onClick={() => setTyping(!typing)}>
          {typing ? '从附近的同类上报中选' : '不在这里？输入编号'}
        </Text>
      )}
      <NoteField id='reject-note' value={note} onChange={setNote} placeholder='给上报人的说明（可不填）' phrases={phrases} />
      {missing && <Text className='staff-case__hint'>{missing}</Text>}
      <BigButton id='confirm-reject' kind='danger' disabled={!!missing} loading={busy} onClick={ask}>
        确认不予受理
      </BigButton>
      <BigButton kind='secondary' disabled={busy} onClick={onCancel}>
        取消
      </BigButton>
      <ConfirmDialog
        id='reject-dialog'
        open={asking !== undefined}
        title='确定不予受理吗？'
        message={asking && rejectSummary(asking.request, asking.original)}
        confirmText='不予受理'
        cancelText='再想想'
        danger
        busy={busy}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(undefined)}
      />
    </View>
  )
}
