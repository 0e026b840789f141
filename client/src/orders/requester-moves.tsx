import { Text, Textarea, View } from '@tarojs/components'
import {
  cancelOrderContract,
  confirmOrderContract,
  disputeOrderContract,
  rateOrderContract,
  type OrderDetail,
  type OrderView,
} from '@pingan/shared/contracts'
import { canMakeOrderMove } from '@pingan/shared/service'
import { useState } from 'react'

import BigButton from '../components/big-button'
import ConfirmDialog from '../components/confirm-dialog'
import { askConsent, ORDER_CONSENT } from '../device/subscribe'
import { SATISFACTION_STARS, satisfactionWord } from '../labels/rating-labels'
import { asCallError, call, type CallError } from '../transport'

type Props = { order: OrderView | OrderDetail; onChanged: () => void }

/** Runs one move, keeping its failure to show and whether it is on its way. */
function useMove(onChanged: () => void) {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  const run = async (move: () => Promise<unknown>): Promise<boolean> => {
    setBusy(true)
    setFailure(undefined)
    try {
      await move()
      onChanged()
      return true
    } catch (error) {
      setFailure(asCallError(error))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, failure, run }
}

/** 有异议: the requester says it was not done, in words the grid worker reads before deciding. */
function DisputeForm({ orderId, run, busy }: { orderId: string; run: ReturnType<typeof useMove>['run']; busy: boolean }) {
  const [open, setOpen] = useState(false)
  const [note, setNote] = useState('')
  if (!open) {
    return (
      <BigButton id='start-dispute' kind='danger' onClick={() => setOpen(true)}>
        服务没做好（有异议）
      </BigButton>
    )
  }
  return (
    <View className='orders__rows'>
      <Text className='orders__label'>哪里没做好？</Text>
      <Textarea
        id='dispute-note'
        className='orders__textarea'
        value={note}
        maxlength={-1}
        placeholder='写一句，网格员会来核实'
        onInput={(e) => setNote(e.detail.value)}
      />
      <BigButton
        id='confirm-dispute'
        kind='danger'
        disabled={note.trim() === ''}
        loading={busy}
        onClick={() => {
          // The tap that disputes also asks consent for WeChat to tell of the grid worker's 裁定 (device/subscribe.ts).
          void askConsent(ORDER_CONSENT.dispute)
          void run(() => call(disputeOrderContract, { orderId, note: note.trim() }))
        }}
      >
        提交异议
      </BigButton>
    </View>
  )
}

/** 评价: one to five stars, said in words too, and a comment if the resident wants. */
function RateForm({ orderId, run, busy }: { orderId: string; run: ReturnType<typeof useMove>['run']; busy: boolean }) {
  const [stars, setStars] = useState<number>()
  const [comment, setComment] = useState('')
  return (
    <View className='orders__rows' id='rate-order'>
      <Text className='orders__label'>给这次服务打个分</Text>
      <View className='orders__choices'>
        {SATISFACTION_STARS.map((star) => (
          <View
            key={star}
            id={`stars-${star}`}
            className={`orders__choice${stars === star ? ' orders__choice--chosen' : ''}`}
            onClick={() => setStars(star)}
          >
            <Text>{`${star} 星 ${satisfactionWord(star)}`}</Text>
          </View>
        ))}
      </View>
      <Textarea
        className='orders__textarea'
        value={comment}
        maxlength={-1}
        placeholder='想说的话（可不填）'
        onInput={(e) => setComment(e.detail.value)}
      />
      <BigButton
        id='confirm-rate'
        disabled={stars === undefined}
        loading={busy}
        onClick={() =>
          stars !== undefined &&
          void run(() =>
            call(rateOrderContract, { orderId, satisfaction: stars, ...(comment.trim() !== '' && { comment: comment.trim() }) }),
          )
        }
      >
        提交评价
      </BigButton>
    </View>
  )
}

/**
 * What the resident who booked the order may do now, each offered while the table allows it from the
 * order's status: 取消预约 (nobody has taken it on), 确认完成 or 有异议 (it was reported done), 评价.
 */
export default function RequesterMoves({ order, onChanged }: Props) {
  const move = useMove(onChanged)
  const [asking, setAsking] = useState<'cancel' | 'confirm'>()
  const can = (m: Parameters<typeof canMakeOrderMove>[0]) => canMakeOrderMove(m, order.status)
  const ask = async () => {
    await move.run(() =>
      asking === 'cancel' ? call(cancelOrderContract, { orderId: order.id }) : call(confirmOrderContract, { orderId: order.id }),
    )
    setAsking(undefined)
  }
  if (!can('cancel') && !can('confirm') && !can('dispute') && !can('rate')) return null
  return (
    <View className='orders__card orders__actions'>
      {move.failure && (
        <View className='orders__error' role='alert'>
          {move.failure.message}
        </View>
      )}
      {can('confirm') && (
        <BigButton id='confirm-order' onClick={() => setAsking('confirm')}>
          服务已完成，确认
        </BigButton>
      )}
      {can('dispute') && <DisputeForm orderId={order.id} run={move.run} busy={move.busy} />}
      {can('rate') && <RateForm orderId={order.id} run={move.run} busy={move.busy} />}
      {can('cancel') && (
        <BigButton id='cancel-order' kind='danger' onClick={() => setAsking('cancel')}>
          取消预约
        </BigButton>
      )}
      <ConfirmDialog
        id='confirm-move-dialog'
        open={asking !== undefined}
        title={asking === 'cancel' ? '取消这次预约？' : '确认服务已经完成？'}
        message={asking === 'cancel' ? '取消后名额会让给其他居民，需要时可以重新预约。' : '确认后，为您服务的志愿者会得到服务时长和积分。'}
        confirmText={asking === 'cancel' ? '确认取消' : '确认完成'}
        cancelText={asking === 'cancel' ? '不取消' : '再看看'}
        danger={asking === 'cancel'}
        busy={move.busy}
        onConfirm={() => void ask()}
        onCancel={() => setAsking(undefined)}
      />
    </View>
  )
}
