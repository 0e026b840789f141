import { submitReportContract, type ResponseOf } from '@pingan/shared/contracts'
import { useCallback, useRef, useState } from 'react'

import { asCallError, call, CallError } from '../transport'
import { clearDraft, loadDraft, newDraft, saveDraft, withPhotosAdded, type DraftPhoto, type ReportDraft } from './draft'
import { fetchUploadSlot, slotDirOf, uploadDraftPhoto } from './photo-upload'
import { submitRequestOf } from './submit-request'

export type Submitted = ResponseOf<typeof submitReportContract>

/** The server would not take the photos as this draft's uploads (another user signed in, a file gone). */
const PHOTOS_REFUSED: readonly string[] = ['FILE.NOT_YOURS', 'FILE.NOT_FOUND']

/** The draft with its slot forgotten and every photo to be uploaded again, as the next submit will. */
function withPhotosToUploadAgain(draft: ReportDraft): ReportDraft {
  const { uploadSlot: _forgotten, ...rest } = draft
  return { ...rest, photos: draft.photos.map(({ no, localPath }) => ({ no, localPath, failed: true })) }
}

export type SubmitState =
  { phase: 'editing' } | { phase: 'submitting' } | { phase: 'failed'; error: CallError } | { phase: 'done'; result: Submitted }

/**
 * The report form's state: the draft (saved on every change), photo uploads as soon as photos are
 * picked, and the submit, which uploads what is left and retries with the draft's one idempotency key.
 */
export function useReportDraft() {
  const [draft, setDraft] = useState<ReportDraft>(() => loadDraft() ?? newDraft(Date.now()))
  const [uploading, setUploading] = useState<ReadonlySet<number>>(new Set())
  const [submit, setSubmit] = useState<SubmitState>({ phase: 'editing' })
  const current = useRef(draft)

  const update = useCallback((change: (draft: ReportDraft) => ReportDraft) => {
    const next = { ...change(current.current), updatedAt: Date.now() }
    current.current = next
    saveDraft(next)
    setDraft(next)
  }, [])

  /** Picks up changes made elsewhere (the browser build's map picker writes the location). */
  const reloadSaved = useCallback(() => {
    const saved = loadDraft()
    if (saved && saved.updatedAt !== current.current.updatedAt) {
      current.current = saved
      setDraft(saved)
    }
  }, [])

  const markUploading = (no: number, busy: boolean) =>
    setUploading((set) => {
      const next = new Set(set)
      if (busy) next.add(no)
      else next.delete(no)
      return next
    })

  /** The draft's upload folder: kept in the draft, else asked once; undefined while it cannot be asked. */
  const slotDir = useCallback(async (): Promise<string | undefined> => {
    const kept = slotDirOf(current.current)
    if (kept) return kept
    const key = current.current.idempotencyKey
    try {
      const dir = await fetchUploadSlot(key)
      update((d) => (d.idempotencyKey === key ? { ...d, uploadSlot: { key, dir } } : d))
      return dir
    } catch {
      return undefined
    }
  }, [update])

  const uploadPhoto = useCallback(
    async (photo: DraftPhoto): Promise<DraftPhoto> => {
      markUploading(photo.no, true)
      const dir = await slotDir()
      // Without a folder the photo waits, failed, and is tried again like any failed upload.
      const done = dir ? await uploadDraftPhoto(dir, photo) : { no: photo.no, localPath: photo.localPath, failed: true }
      markUploading(photo.no, false)
      if (done !== photo) update((d) => ({ ...d, photos: d.photos.map((p) => (p.no === photo.no ? done : p)) }))
      return done
    },
    [update, slotDir],
  )

  const addPhotos = useCallback(
    async (localPaths: string[]) => {
      const before = current.current.photos.length
      update((d) => withPhotosAdded(d, localPaths))
      await Promise.all(current.current.photos.slice(before).map(uploadPhoto))
    },
    [update, uploadPhoto],
  )

  const removePhoto = useCallback((no: number) => update((d) => ({ ...d, photos: d.photos.filter((p) => p.no !== no) })), [update])

  const send = useCallback(async () => {
    setSubmit({ phase: 'submitting' })
    update((d) => ({ ...d, submitAttempted: true }))
    try {
      for (const photo of current.current.photos) {
        if (photo.fileID) continue
        const done = await uploadPhoto(photo)
        if (!done.fileID) throw new CallError('NETWORK', `photo ${photo.no} did not upload`)
      }
      const result = await call(submitReportContract, submitRequestOf(current.current))
      clearDraft()
      setSubmit({ phase: 'done', result })
    } catch (error) {
      const failure = asCallError(error)
      if (PHOTOS_REFUSED.includes(failure.code)) update(withPhotosToUploadAgain)
      setSubmit({ phase: 'failed', error: failure })
    }
  }, [update, uploadPhoto])

  /** Throws the draft away and starts a new one (after a submit, or on the user's request). */
  const startOver = useCallback(() => {
    clearDraft()
    const fresh = newDraft(Date.now())
    current.current = fresh
    setDraft(fresh)
    setSubmit({ phase: 'editing' })
  }, [])

  return { draft, update, reloadSaved, uploading, addPhotos, retryPhoto: uploadPhoto, removePhoto, submit, send, startOver }
}
