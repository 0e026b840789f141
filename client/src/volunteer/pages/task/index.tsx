import { Image, Text, Textarea, View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import {
  COMPLETION_PHOTOS_MAX,
  completeOrderContract,
  orderDetailContract,
  withdrawOrderContract,
  type OrderDetail,
} from '@pingan/shared/contracts'
import { canMakeOrderMove } from '@pingan/shared/service'
import { useState } from 'react'

import BigButton from '../../../components/big-button'
import ConfirmDialog from '../../../components/confirm-dialog'
import { ErrorView, LoadingView } from '../../../components/page-state'
import { choosePhotos } from '../../../device/photos'
import { useCall } from '../../../hooks/use-call'
import { ORDER_STATUS_SHORT } from '../../../labels/order-labels'
import OrderCard from '../../../orders/order-card'
import { go, routeParam, routes } from '../../../routes'
import { useProofPhotos, type ProofPhoto } from '../../../staff/case/proof-photos'
import { asCallError, call, type CallError } from '../../../transport'
import { isMyOpenTask } from '../../my-tasks'
import '../../../orders/orders.scss'
import '../../volunteer.scss'

function photoState(photo: ProofPhoto): { text: string; kind: 'busy' | 'done' | 'failed' } {
  if (photo.fileID) return { text: '已上传', kind: 'done' }
  return photo.failed ? { text: '没传上，点这里重试', kind: 'failed' } : { text: '上传中…', kind: 'busy' }
}

/** 完成: photos of the service (the caller's own uploads into their 'completion' slot) and a note. */
function CompleteForm({ order, onDone }: { order: OrderDetail; onDone: () => void }) {
  const photos = useProofPhotos('completion')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  const room = COMPLETION_PHOTOS_MAX - photos.photos.length
  const submit = async () => {
    setBusy(true)
    setFailure(undefined)
    try {
      const trimmed = note.trim()
      await call(completeOrderContract, {
        orderId: order.id,
        photos: photos.fileIDs,
        uploadKey: photos.key,
        ...(trimmed && { note: trimmed }),
      })
      onDone()
    } catch (error) {
      setFailure(asCallError(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='orders__card' id='complete-form'>
      <Text className='orders__label'>完成服务：拍照并写一句</Text>
      <View className='volunteer__photos'>
        {photos.photos.map((photo) => {
          const state = photoState(photo)
          return (
            <View key={photo.no} className='volunteer__photo' data-photo-state={state.kind}>
              <Image className='volunteer__photo-image' src={photo.localPath} mode='aspectFill' nativeProps={{ alt: `照片 ${photo.no}` }} />
              <Text className='volunteer__photo-state' onClick={() => state.kind === 'failed' && photos.retry(photo)}>
                {state.text}
              </Text>
              <Text className='volunteer__photo-remove' onClick={() => photos.remove(photo.no)}>
                删除
              </Text>
            </View>
          )
        })}
        {room > 0 && (
          <View
            id='add-completion-photo'
            className='volunteer__photo volunteer__photo--add'
            onClick={() => void choosePhotos(room).then((paths) => paths.length > 0 && photos.add(paths))}
          >
            <Text className='volunteer__plus'>+</Text>
            <Text>拍照</Text>
          </View>
        )}
      </View>
      <Textarea
        id='complete-note'
        className='orders__textarea'
        value={note}
        maxlength={-1}
        placeholder='服务情况（居民能看到）'
        onInput={(e) => setNote(e.detail.value)}
      />
      {photos.uploading && <Text className='orders__hint'>照片还在上传</Text>}
      {failure && (
        <View className='orders__error' role='alert' id='complete-error'>
          {failure.message}
        </View>
      )}
      <BigButton id='complete-task' disabled={photos.uploading} loading={busy} onClick={() => void submit()}>
        完成
      </BigButton>
    </View>
  )
}

/** 退单: give the task back to the hall, asked once more; the function refuses once the slot has begun. */
function WithdrawAction({ order, onDone }: { order: OrderDetail; onDone: () => void }) {
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  if (!canMakeOrderMove('withdraw', order.status)) return null
  const withdraw = async () => {
    setBusy(true)
    try {
      await call(withdrawOrderContract, { orderId: order.id })
      setAsking(false)
      onDone()
    } catch (error) {
      setFailure(asCallError(error))
      setAsking(false)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='orders__actions'>
      {failure && (
        <View className='orders__error' role='alert' id='withdraw-error'>
          {failure.message}
        </View>
      )}
      <Text className='orders__hint'>去不了？服务开始前可以退回任务大厅。</Text>
      <BigButton id='withdraw-task' kind='secondary' onClick={() => setAsking(true)}>
        退单
      </BigButton>
      <ConfirmDialog
        id='confirm-withdraw'
        open={asking}
        title='退回任务大厅？'
        message='服务开始前可以退单，任务会回到任务大厅，由其他志愿者接单。'
        confirmText='退单'
        danger
        busy={busy}
        onConfirm={() => void withdraw()}
        onCancel={() => setAsking(false)}
      />
    </View>
  )
}

/**
 * One task I claimed (`?id=`): what, when and where (orderDetail), and while it is mine to do, 完成 with
 * photos and a note, or 退单 before it starts. Its full steps are on the order page.
 */
export default function VolunteerTaskPage() {
  const id = routeParam(useRouter().params.id)
  const detail = useCall(async () => (await call(orderDetailContract, { orderId: id })).order, [id])
  const [told, setTold] = useState<string>()
  usePullDownRefresh(() => void detail.reload().finally(() => Taro.stopPullDownRefresh()))
  const order = detail.data
  if (!order) return detail.error ? <ErrorView error={detail.error} onRetry={() => void detail.reload()} /> : <LoadingView />
  const done = (words: string) => {
    setTold(words)
    void detail.reload()
  }
  return (
    <View className='orders volunteer' id='volunteer-task' data-status={order.status}>
      {told && (
        <View className='orders__card orders__hint' role='status' id='task-told'>
          {told}
        </View>
      )}
      <OrderCard order={order} />
      {order.note && (
        <View className='orders__card'>
          <Text className='orders__meta'>备注</Text>
          <Text>{order.note}</Text>
        </View>
      )}
      {isMyOpenTask(order) ? (
        <>
          <CompleteForm order={order} onDone={() => done('已提交完成，等居民确认')} />
          <WithdrawAction order={order} onDone={() => done('已退单，任务回到任务大厅')} />
        </>
      ) : (
        <View className='orders__card'>
          <Text className='orders__status' id='task-status'>
            {ORDER_STATUS_SHORT[order.status]}
          </Text>
        </View>
      )}
      <Text className='orders__link' id='task-to-order' onClick={() => go(routes.order(order.id))}>
        查看办理经过 ›
      </Text>
    </View>
  )
}
