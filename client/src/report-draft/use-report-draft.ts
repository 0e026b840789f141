import { submitReportContract, type ResponseOf } from '@pingan/shared/contracts'
import { useCallback, useRef, useState } from 'react'

import { asCallError, call, CallError } from '../transport'
import { clearDraft, loadDraft, newDraft, saveDraft, type ReportDraft } from './draft'
import { submitRequestOf } from './submit-request'
import { useDraftPhotos } from './use-draft-photos'

export type Submitted = ResponseOf<typeof submitReportContract>

/** The server would not take the photos as this draft's uploads (another user signed in, a file gone). */
const PHOTOS_REFUSED: readonly string[] = ['FILE.NOT_YOURS', 'FILE.NOT_FOUND']

/** The draft with its slot forgotten and every photo to be uploaded again (from the device), as the next submit will. */
function withPhotosToUploadAgain(draft: ReportDraft): ReportDraft {
  const { uploadSlot: _forgotten, ...rest } = draft
  return { ...rest, photos: draft.photos.map(({ no, kept }) => (kept ? { no, kept, failed: true } : { no, lost: true })) }
}

export type SubmitState =
  { phase: 'editing' } | { phase: 'submitting' } | { phase: 'failed'; error: CallError } | { phase: 'done'; result: Submitted }

/**
 * The report form's state: the draft (saved on every change), its photos (kept on the device, uploaded as
 * soon as they are picked: use-draft-photos), and the submit, which uploads what is left and retries with
 * the draft's one idempotency key.
 */
export function useReportDraft() {
  const [draft, setDraft] = useState<ReportDraft>(() => loadDraft() ?? newDraft(Date.now()))
  const [submit, setSubmit] = useState<SubmitState>({ phase: 'editing' })
  const current = useRef(draft)

  const update = useCallback((change: (draft: ReportDraft) => ReportDraft) => {
    const next = { ...change(current.current), updatedAt: Date.now() }
    current.current = next
    saveDraft(next)
    setDraft(next)
  }, [])
  const photos = useDraftPhotos(current, update)

  /** Picks up changes made elsewhere (the browser build's map picker writes the location). */
  const reloadSaved = useCallback(() => {
    const saved = loadDraft()
    if (saved && saved.updatedAt !== current.current.updatedAt) {
      current.current = saved
      setDraft(saved)
    }
  }, [])

  const send = useCallback(async () => {
    setSubmit({ phase: 'submitting' })
    update((d) => ({ ...d, submitAttempted: true }))
    try {
      for (const photo of current.current.photos) {
        if (photo.fileID) continue
        const done = await photos.upload(photo.no)
        if (!done.photo.fileID) throw done.error ?? new CallError('NETWORK', `photo ${photo.no} did not upload`)
      }
      const sent = current.current
      const result = await call(submitReportContract, submitRequestOf(sent))
      clearDraft()
      photos.forgetKept(sent.photos)
      setSubmit({ phase: 'done', result })
    } catch (error) {
      const failure = asCallError(error)
      if (PHOTOS_REFUSED.includes(failure.code)) update(withPhotosToUploadAgain)
      setSubmit({ phase: 'failed', error: failure })
    }
  }, [update, photos.upload, photos.forgetKept])

  /** Throws the draft away and starts a new one (after a submit, or on the user's request). */
  const startOver = useCallback(() => {
    photos.forgetKept(current.current.photos)
    clearDraft()
    const fresh = newDraft(Date.now())
    current.current = fresh
    setDraft(fresh)
    setSubmit({ phase: 'editing' })
  }, [photos.forgetKept])

  return { draft, update, reloadSaved, photos, submit, send, startOver }
}
