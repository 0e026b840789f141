import Taro from '@tarojs/taro'
import { bookServiceContract, type RequestOf } from '@pingan/shared/contracts'

import { newIdempotencyKey } from '../report-draft/draft'

// The booking being written (居民点单), kept in local storage on every change like a report's draft. Its
// idempotency key is made once with the draft, so a double tap or a retry after a lost reply books once.

export type BookingDraft = {
  idempotencyKey: string
  serviceCode: string
  slotKey: string
  address: string
  note: string
  /** 代办: booked for an elderly neighbour, who is served instead. */
  forNeighbour: boolean
  neighbourName: string
  neighbourPhone: string
  /** A submit was sent: the server may already hold this booking, so its key must not change. */
  submitAttempted: boolean
}

export const BOOKING_STORAGE_KEY = 'service.booking'
/** The address the resident last booked for themself: the next booking's first guess. */
export const LAST_ADDRESS_KEY = 'service.lastAddress'

function isBookingDraft(value: unknown): value is BookingDraft {
  const draft = value as BookingDraft | undefined
  return !!draft && typeof draft === 'object' && typeof draft.idempotencyKey === 'string' && typeof draft.slotKey === 'string'
}

/**
 * The draft for this service and slot: the saved one when it is for the same (its key kept, so a retry
 * answers the first booking), else a fresh one with the address the resident used last.
 */
export function bookingDraftFor(serviceCode: string, slotKey: string, now: number): BookingDraft {
  const saved: unknown = Taro.getStorageSync(BOOKING_STORAGE_KEY)
  if (isBookingDraft(saved) && saved.serviceCode === serviceCode && saved.slotKey === slotKey) return saved
  const lastAddress: unknown = Taro.getStorageSync(LAST_ADDRESS_KEY)
  return {
    idempotencyKey: newIdempotencyKey(now),
    serviceCode,
    slotKey,
    address: typeof lastAddress === 'string' ? lastAddress : '',
    note: '',
    forNeighbour: false,
    neighbourName: '',
    neighbourPhone: '',
    submitAttempted: false,
  }
}

export function saveBookingDraft(draft: BookingDraft): void {
  Taro.setStorageSync(BOOKING_STORAGE_KEY, draft)
}

/** After a booking went through: the draft is done, and the address is remembered when it was the resident's own. */
export function finishBookingDraft(draft: BookingDraft): void {
  Taro.removeStorageSync(BOOKING_STORAGE_KEY)
  if (!draft.forNeighbour && draft.address.trim() !== '') Taro.setStorageSync(LAST_ADDRESS_KEY, draft.address.trim())
}

/** The words for a field the contract refuses, by the field's path. */
const FIELD_PROBLEMS: Record<string, string> = {
  address: '地址太长或写法不对，请改短一些',
  note: '备注太长了，请改短一些',
  'forNeighbour.name': '邻居的称呼太长或写法不对',
  'forNeighbour.phone': '电话号码不对：手机号 11 位，座机可加区号',
}

/**
 * What still keeps the booking from being sent, in the words shown under the form (none: ready): what is
 * missing, then whatever the call's own contract refuses (the rules stay in shared/, not restated here).
 */
export function bookingProblems(draft: BookingDraft): string[] {
  const problems: string[] = []
  if (draft.address.trim() === '') problems.push('请填写上门服务的地址')
  if (draft.forNeighbour && draft.neighbourName.trim() === '') problems.push('请填写邻居的称呼')
  if (problems.length > 0) return problems
  const checked = bookServiceContract.request.safeParse(bookingRequestOf(draft))
  if (checked.success) return []
  const paths = new Set(checked.error.issues.map((issue) => issue.path.join('.')))
  return [...paths].map((path) => FIELD_PROBLEMS[path] ?? '填写的内容有误，请检查')
}

/** The bookService request of a draft. */
export function bookingRequestOf(draft: BookingDraft): RequestOf<typeof bookServiceContract> {
  const phone = draft.neighbourPhone.trim()
  return {
    idempotencyKey: draft.idempotencyKey,
    serviceCode: draft.serviceCode,
    slotKey: draft.slotKey,
    address: draft.address.trim(),
    ...(draft.note.trim() !== '' && { note: draft.note.trim() }),
    ...(draft.forNeighbour && { forNeighbour: { name: draft.neighbourName.trim(), ...(phone !== '' && { phone }) } }),
  }
}
