import Taro from '@tarojs/taro'
import { hasVisibleText } from '@pingan/shared/text'

import type { PickedLocation } from '../device/location'

// The report being written (随手拍), kept in local storage on every change: it survives leaving the
// page, closing the app and losing the network. Its idempotency key is made once, with the draft, so
// every retry of its submit is the same report to the server.

export type DraftPhoto = {
  /** Numbers the photo within its draft (never reused), naming its file in cloud storage. */
  no: number
  /**
   * Its key in this device's photo store (device/photo-store), where it stays until the report is in:
   * picked offline, it survives closing the app; refused on submit, it can be uploaded again.
   */
  kept?: string
  /** Set once uploaded: the photo is safe in cloud storage. */
  fileID?: string
  /** Upload went wrong or was cancelled; the user can retry it (or submit retries it). */
  failed?: boolean
  /** Neither on this device nor uploaded (a draft from before photos were kept): it can only be removed. */
  lost?: boolean
}

export type ReportDraft = {
  idempotencyKey: string
  categoryCode?: string
  text: string
  photos: DraftPhoto[]
  location?: PickedLocation
  anonymous: boolean
  /** The grid scanned in this report flow (扫码后上报), a routing hint when there is no location. */
  scannedGridCode?: string
  /** The folder its photos upload into (uploadSlot), kept with the key it was asked for. */
  uploadSlot?: { key: string; dir: string }
  /** A submit was sent: the server may already hold this report, so its key must not change. */
  submitAttempted: boolean
  updatedAt: number
}

export const DRAFT_STORAGE_KEY = 'report.draft'

/** A fresh idempotency key: time and randomness in base 36, within the contract's `[A-Za-z0-9_-]{8,64}`. */
export function newIdempotencyKey(now: number, random: () => number = Math.random): string {
  const noise = Array.from({ length: 3 }, () =>
    Math.floor(random() * 36 ** 6)
      .toString(36)
      .padStart(6, '0'),
  ).join('')
  return `r${now.toString(36)}-${noise}`
}

export function newDraft(now: number, random?: () => number): ReportDraft {
  return { idempotencyKey: newIdempotencyKey(now, random), text: '', photos: [], anonymous: false, submitAttempted: false, updatedAt: now }
}

function isDraft(value: unknown): value is ReportDraft {
  const draft = value as ReportDraft | undefined
  return !!draft && typeof draft === 'object' && typeof draft.idempotencyKey === 'string' && Array.isArray(draft.photos)
}

/** A saved photo as this version keeps it: one saved before photos were kept had only a temp `localPath`. */
function photoOf(saved: DraftPhoto & { localPath?: string }): DraftPhoto {
  const { localPath: _gone, ...photo } = saved
  return photo.kept || photo.fileID ? photo : { ...photo, lost: true }
}

/** The saved draft, if any. */
export function loadDraft(): ReportDraft | undefined {
  const saved: unknown = Taro.getStorageSync(DRAFT_STORAGE_KEY)
  return isDraft(saved) ? { ...saved, photos: saved.photos.map(photoOf) } : undefined
}

export function saveDraft(draft: ReportDraft): void {
  Taro.setStorageSync(DRAFT_STORAGE_KEY, draft)
}

/** The draft with kept photos (their photo-store keys) added at the end, numbered after the highest so far. */
export function withPhotosAdded(draft: ReportDraft, keptKeys: readonly string[]): ReportDraft {
  const last = draft.photos.reduce((max, photo) => Math.max(max, photo.no), 0)
  const added = keptKeys.map((kept, i) => ({ no: last + i + 1, kept }))
  return { ...draft, photos: [...draft.photos, ...added] }
}

export function clearDraft(): void {
  Taro.removeStorageSync(DRAFT_STORAGE_KEY)
}

/** Whether the draft has anything the user would miss if it were thrown away. */
export function hasContent(draft: ReportDraft): boolean {
  return hasVisibleText(draft.text) || draft.photos.length > 0 || draft.categoryCode !== undefined || draft.location !== undefined
}

/** What still keeps the draft from being sent, in the words shown under the form (none: ready). */
export function draftProblems(draft: ReportDraft): string[] {
  const problems: string[] = []
  if (!draft.categoryCode) problems.push('请选择问题类别')
  // The server's rule (submitReport's contract): words that show, or a photo.
  if (!hasVisibleText(draft.text) && draft.photos.length === 0) problems.push('请写几句话或拍张照片')
  if (draft.photos.some((photo) => photo.lost)) problems.push('有照片在手机上找不到了，请删掉后重新拍')
  return problems
}
