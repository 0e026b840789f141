import { Text, Textarea, View } from '@tarojs/components'
import { dispatchOrderContract, settleOrderContract, type OrderView } from '@pingan/shared/contracts'
import { canMakeOrderMove } from '@pingan/shared/service'
import { useState } from 'react'

import BigButton from '../components/big-button'
import ConfirmDialog from '../components/confirm-dialog'
import { askConsent, ORDER_CONSENT } from '../device/subscribe'
import { asCallError, call, type CallError } from '../transport'

type Mode = 'hall' | 'self'

const MODE_WORDS: Record<Mode, { button: string; title: string; message: string; done: string }> = {
  hall: {
    button: '网格下单（发到任务大厅）',
    title: '发到任务大厅？',
    message: '本网格的志愿者和党员可以在任务大厅接单，接单后按时上门。',
    done: '已发到任务大厅',
  },
  self: {
    button: '我来服务',
    title: '由您亲自上门服务？',
    message: '这个点单会记在您名下，请按预约时间上门。',
    done: '已安排您上门服务',
  },
}

/** Runs a move once confirmed, keeping its failure in words; `onDone` hears what happened. */
function useStaffMove(onDone: (words: string) => void) {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  const run = async (move: () => Promise<unknown>, words: string): Promise<void> => {
    setBusy(true)
    setFailure(undefined)
    try {
      await move()
      onDone(words)
    } catch (error) {
      setFailure(asCallError(error))
    } finally {
      setBusy(false)
    }
  }
  return { busy, failure, run }
}

function Failure({ failure }: { failure: CallError | undefined }) {
  if (!failure) return null
  return (
    <View className='orders__error' role='alert'>
      {failure.message}
    </View>
  )
}

type Props = { order: OrderView; onDone: (words: string) => void }

/** 网格下单 and 我来服务, each offered while the table allows it from the order's status, asked once more. */
export function DispatchActions({ order, onDone }: Props) {
  const [asking, setAsking] = useState<Mode>()
  const move = useStaffMove(onDone)
  const modes = (['hall', 'self'] as const).filter((mode) => canMakeOrderMove(mode === 'hall' ? 'dispatch' : 'serve', order.status))
  if (modes.length === 0) return null
  return (
    <View className='orders__actions'>
      <Failure failure={move.failure} />
      {modes.map((mode) => (
        <BigButton
          key={mode}
          id={`${mode === 'hall' ? 'dispatch' : 'serve'}-${order.id}`}
          kind={mode === 'hall' ? 'primary' : 'secondary'}
          onClick={() => setAsking(mode)}
        >
          {MODE_WORDS[mode].button}
        </BigButton>
      ))}
      <ConfirmDialog
        id={`confirm-dispatch-${order.id}`}
        open={asking !== undefined}
        title={asking ? MODE_WORDS[asking].title : ''}
        message={asking ? MODE_WORDS[asking].message : undefined}
        confirmText='确定'
        busy={move.busy}
        onConfirm={() => {
          if (!asking) return
          const mode = asking
          // Serving it herself, she is told of 确认, 有异议 and 裁定 as a volunteer is: asked inside this tap.
          if (mode === 'self') void askConsent(ORDER_CONSENT.takingOn)
          void move
            .run(() => call(dispatchOrderContract, { orderId: order.id, mode }), MODE_WORDS[mode].done)
            .then(() => setAsking(undefined))
        }}
        onCancel={() => setAsking(undefined)}
      />
    </View>
  )
}

type Decision = 'done' | 'notDone'

// A button's words in pieces that never break inside (at 200 % text on 320 px: 服务 / 已完成, not 服务已完 / 成).
const DECISION_WORDS: Record<Decision, { button: readonly string[]; title: string; message: string; done: string }> = {
  done: {
    button: ['服务', '已完成'],
    title: '认定服务已经完成？',
    message: '点单记为已完成，上门的志愿者会得到服务时长和积分，居民和志愿者都会收到消息。',
    done: '已裁定：服务已完成',
  },
  notDone: {
    button: ['退回', '任务大厅'],
    title: '认定没有完成，退回任务大厅？',
    message: '点单回到任务大厅，由志愿者重新接单；原来接单的人不再负责，居民和他都会收到消息。',
    done: '已裁定：退回任务大厅，等志愿者重新接单',
  },
}

/**
 * 裁定 of a disputed order (settleOrder): 已完成 (confirmed, the volunteer credited) or 退回任务大厅, each
 * with a note saying what the grid worker found, asked once more.
 */
export function SettleActions({ order, onDone }: Props) {
  const [note, setNote] = useState('')
  const [asking, setAsking] = useState<Decision>()
  const [noteMissing, setNoteMissing] = useState(false)
  const move = useStaffMove(onDone)
  if (!canMakeOrderMove('settle', order.status)) return null
  const trimmed = note.trim()
  // Enabled either way (a disabled outlined button lost its words): without a note it says what is missing.
  const ask = (decision: Decision) => {
    setNoteMissing(trimmed === '')
    if (trimmed !== '') setAsking(decision)
  }
  return (
    <View className='orders__card orders__actions' id='settle-order'>
      <Text className='orders__label'>居民有异议，请核实后裁定</Text>
      <Textarea
        id='settle-note'
        className='orders__textarea'
        value={note}
        maxlength={-1}
        placeholder='核实的情况（必填），居民和志愿者都能看到'
        onInput={(e) => setNote(e.detail.value)}
      />
      {noteMissing && trimmed === '' && <Text className='orders__problem'>请先写核实的情况，再裁定</Text>}
      <Failure failure={move.failure} />
      <Text className='orders__meta'>核实后裁定为：</Text>
      {(['done', 'notDone'] as const).map((decision) => (
        <BigButton
          key={decision}
          id={`settle-${decision}`}
          kind={decision === 'done' ? 'primary' : 'secondary'}
          onClick={() => ask(decision)}
        >
          {DECISION_WORDS[decision].button.map((piece) => (
            <Text key={piece} className='orders__nowrap'>
              {piece}
            </Text>
          ))}
        </BigButton>
      ))}
      <ConfirmDialog
        id='confirm-settle-dialog'
        open={asking !== undefined}
        title={asking ? DECISION_WORDS[asking].title : ''}
        message={asking ? DECISION_WORDS[asking].message : undefined}
        confirmText='确定裁定'
        cancelText='再看看'
        busy={move.busy}
        onConfirm={() => {
          if (!asking) return
          const decision = asking
          void move
            .run(() => call(settleOrderContract, { orderId: order.id, decision, note: trimmed }), DECISION_WORDS[decision].done)
            .then(() => setAsking(undefined))
        }}
        onCancel={() => setAsking(undefined)}
      />
    </View>
  )
}
