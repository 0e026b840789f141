import { ADJUSTMENT_AMOUNT_MAX, adjustPointsContract } from '@pingan/shared/contracts'
import { fenOfYuanText } from '@pingan/shared/points'
import { useState } from 'react'

import ConfirmDialog from '../../components/confirm-dialog'
import { formatYuan } from '../../labels/format'
import { asCallError, call } from '../../transport'

const REASON_MAX = 200

/** A fresh idempotency key: one per adjustment, kept while it is retried, so a retry writes it once. */
function newKey(): string {
  return `adj-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}

type Props = { personId: string; name: string; onDone: () => void }

/**
 * 调整金额 (the county centre): an amount in yuan, turned into fen digit by digit (fenOfYuanText, never a
 * float), and a reason of 1–200 characters; asked once more before it is sent. It counts in the first month
 * not yet settled, and the informant is told in 消息.
 */
export default function AdjustForm({ personId, name, onDone }: Props) {
  const [amount, setAmount] = useState('')
  const [reason, setReason] = useState('')
  const [key, setKey] = useState(newKey)
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [done, setDone] = useState<string>()

  const fen = fenOfYuanText(amount)
  const reasonText = reason.trim()
  const problem =
    amount.trim() === ''
      ? undefined
      : fen === undefined || fen === 0 || Math.abs(fen) > ADJUSTMENT_AMOUNT_MAX
        ? '请填写金额（元），最多两位小数，不为 0；扣减写负数，如 -1.50'
        : undefined
  const ready = fen !== undefined && problem === undefined && reasonText.length > 0 && reasonText.length <= REASON_MAX

  const send = async () => {
    if (fen === undefined) return
    setBusy(true)
    setError(undefined)
    try {
      const { adjustment } = await call(adjustPointsContract, { personId, unit: 'fen', amount: fen, reason: reasonText, key })
      setDone(`已调整 ${signed(adjustment.amount)} 元，计入 ${adjustment.monthKey} 结算；已通知${name}。`)
      setAmount('')
      setReason('')
      setKey(newKey())
      onDone()
    } catch (e) {
      setError(asCallError(e).message)
    } finally {
      setBusy(false)
      setAsking(false)
    }
  }

  return (
    <form
      className='settlement__adjust'
      id='adjust-form'
      onSubmit={(event) => {
        event.preventDefault()
        if (ready) setAsking(true)
      }}
    >
      <h3>调整{name}的金额</h3>
      <p className='dashboard__hint'>计入第一个未结算的月份（已结算的月份不会改动），并在消息里告诉{name}。</p>
      <div className='settlement__fields'>
        <label className='settlement__field'>
          金额（元，扣减写负数）
          <input
            id='adjust-amount'
            inputMode='decimal'
            value={amount}
            placeholder='如 5.00 或 -1.50'
            aria-invalid={problem !== undefined}
            onChange={(e) => setAmount(e.target.value)}
          />
        </label>
        <label className='settlement__field settlement__field--wide'>
          原因（必填，{REASON_MAX} 字以内）
          <textarea id='adjust-reason' value={reason} maxLength={REASON_MAX} rows={2} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type='submit' className='dashboard__button' id='adjust-submit' disabled={!ready || busy}>
          提交调整
        </button>
      </div>
      {problem && <p role='alert'>{problem}</p>}
      {error && <p role='alert'>{error}</p>}
      {done && (
        <p role='status' id='adjust-done'>
          {done}
        </p>
      )}
      <ConfirmDialog
        id='adjust-confirm'
        open={asking}
        title='确认调整'
        message={`${name}：${signed(fen ?? 0)} 元。原因：${reasonText}。提交后不能撤回，如有错误需再做一次反向调整。`}
        confirmText='确认调整'
        danger={(fen ?? 0) < 0}
        busy={busy}
        onConfirm={() => void send()}
        onCancel={() => setAsking(false)}
      />
    </form>
  )
}

function signed(fen: number): string {
  return `${fen > 0 ? '+' : ''}${formatYuan(fen)}`
}
