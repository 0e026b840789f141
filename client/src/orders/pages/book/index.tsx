import { Input, Text, Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { bookServiceContract, gridServicesContract } from '@pingan/shared/contracts'
import { useCallback, useRef, useState } from 'react'

import BigButton from '../../../components/big-button'
import { ErrorView, LoadingView } from '../../../components/page-state'
import { askConsent, ORDER_CONSENT } from '../../../device/subscribe'
import { useCall } from '../../../hooks/use-call'
import { dayText, durationText } from '../../../labels/order-labels'
import { back, routeParam, routes } from '../../../routes'
import { asCallError, call, type CallError } from '../../../transport'
import {
  bookingDraftFor,
  bookingProblems,
  bookingRequestOf,
  finishBookingDraft,
  saveBookingDraft,
  type BookingDraft,
} from '../../booking-draft'
import { rememberOrders } from '../../order-source'
import '../../orders.scss'

/** Refusals after which another slot is the way on. */
const CHOOSE_ANOTHER: readonly string[] = ['SERVICE.SLOT_FULL', 'SERVICE.SLOT_INVALID', 'SERVICE.NOT_OFFERED']

/** The booking's draft, saved on every change, and its one submit (the draft's key makes a retry the same booking). */
function useBooking(serviceCode: string, slotKey: string) {
  const [draft, setDraft] = useState<BookingDraft>(() => bookingDraftFor(serviceCode, slotKey, Date.now()))
  const current = useRef(draft)
  const [sending, setSending] = useState(false)
  const [failure, setFailure] = useState<CallError>()
  const update = useCallback((change: Partial<BookingDraft>) => {
    const next = { ...current.current, ...change }
    current.current = next
    saveBookingDraft(next)
    setDraft(next)
  }, [])
  const send = useCallback(async () => {
    if (sending) return
    setSending(true)
    setFailure(undefined)
    update({ submitAttempted: true })
    try {
      const { order } = await call(bookServiceContract, bookingRequestOf(current.current))
      finishBookingDraft(current.current)
      rememberOrders([order])
      // Replaces the form, so Back from the order goes to the services, not to a sent form.
      void Taro.redirectTo({ url: routes.order(order.id) })
    } catch (error) {
      setFailure(asCallError(error))
      setSending(false)
    }
  }, [sending, update])
  return { draft, update, send, sending, failure }
}

/**
 * 填写预约: the chosen service and slot, for whom (self, or 代办 for an elderly neighbour: name and phone),
 * the address (the one used last, if any) and a note; 确认预约 books it once, however often it is tapped.
 */
export default function BookPage() {
  const params = useRouter().params
  const serviceCode = routeParam(params.service)
  const slotKey = routeParam(params.slot)
  const offers = useCall(() => call(gridServicesContract, {}))
  const booking = useBooking(serviceCode, slotKey)
  const [tried, setTried] = useState(false)
  const { draft, update } = booking

  if (!offers.data) return offers.error ? <ErrorView error={offers.error} onRetry={() => void offers.reload()} /> : <LoadingView />
  const offer = offers.data.services.find((s) => s.serviceCode === serviceCode)
  const slot = offer?.upcoming.find((s) => s.key === slotKey)
  const problems = bookingProblems(draft)
  const submit = () => {
    setTried(true)
    if (problems.length > 0) return
    // The tap that books also asks consent for WeChat to tell of 接单 and 完成 (device/subscribe.ts).
    void askConsent(ORDER_CONSENT.booking)
    void booking.send()
  }

  return (
    <View className='orders' id='book'>
      <View className='orders__card' id='book-summary'>
        <Text className='orders__title'>{offer?.name ?? '这项服务'}</Text>
        {offer && <Text className='orders__hint'>{durationText(offer.durationMinutes)}</Text>}
        {slot ? (
          <>
            <Text className='orders__name'>{`${dayText(slot.startsAt)} ${slot.start}–${slot.end}`}</Text>
            <Text className='orders__hint'>{slot.left > 0 ? `还剩 ${slot.left} 个名额` : '这个时间已约满，请换一个时间'}</Text>
          </>
        ) : (
          <Text className='orders__error'>这个时间已经不能预约了，请返回重新选择。</Text>
        )}
      </View>

      <View className='orders__card'>
        <Text className='orders__label'>为谁预约</Text>
        <View className='orders__choices'>
          <View
            id='for-self'
            className={`orders__choice${draft.forNeighbour ? '' : ' orders__choice--chosen'}`}
            onClick={() => update({ forNeighbour: false })}
          >
            <Text>{draft.forNeighbour ? '为自己' : '✓ 为自己'}</Text>
          </View>
          <View
            id='for-neighbour'
            className={`orders__choice${draft.forNeighbour ? ' orders__choice--chosen' : ''}`}
            onClick={() => update({ forNeighbour: true })}
          >
            <Text>{draft.forNeighbour ? '✓ 代邻居老人预约' : '代邻居老人预约'}</Text>
          </View>
        </View>
        {draft.forNeighbour && (
          <>
            <Text className='orders__hint'>上门时服务这位邻居，请写清称呼，能留电话更好。</Text>
            <Text className='orders__field'>邻居的称呼</Text>
            <Input
              id='neighbour-name'
              className='orders__input'
              value={draft.neighbourName}
              placeholder='如：王奶奶'
              onInput={(e) => update({ neighbourName: e.detail.value })}
            />
            <Text className='orders__field'>邻居的电话（可不填）</Text>
            <Input
              id='neighbour-phone'
              className='orders__input'
              type='number'
              value={draft.neighbourPhone}
              placeholder='手机或座机'
              onInput={(e) => update({ neighbourPhone: e.detail.value })}
            />
          </>
        )}
      </View>

      <View className='orders__card'>
        <Text className='orders__label'>上门地址</Text>
        {/* A text box, not a line: at large text on a narrow phone the whole address stays in view. */}
        <Textarea
          id='book-address'
          className='orders__textarea orders__textarea--short'
          value={draft.address}
          maxlength={-1}
          placeholder='楼栋和门牌号'
          onInput={(e) => update({ address: e.detail.value })}
        />
        <Text className='orders__label'>备注（可不填）</Text>
        <Textarea
          id='book-note'
          className='orders__textarea'
          value={draft.note}
          maxlength={-1}
          placeholder='如：到了请先打电话'
          onInput={(e) => update({ note: e.detail.value })}
        />
      </View>

      <View className='orders__actions'>
        {tried &&
          problems.map((problem) => (
            <Text key={problem} className='orders__problem'>
              {problem}
            </Text>
          ))}
        {booking.failure && (
          <View className='orders__error' role='alert' id='book-error'>
            {booking.failure.message}
          </View>
        )}
        <BigButton
          id='submit-booking' // A sent booking may hold the last place itself: its retry stays possible and answers the first.
          disabled={!slot || (slot.left <= 0 && !draft.submitAttempted)}
          loading={booking.sending}
          onClick={submit}
        >
          {booking.sending ? '正在预约…' : '确认预约'}
        </BigButton>
        {(!slot || (booking.failure && CHOOSE_ANOTHER.includes(booking.failure.code))) && (
          <BigButton kind='secondary' onClick={back}>
            换一个时间
          </BigButton>
        )}
      </View>
    </View>
  )
}
