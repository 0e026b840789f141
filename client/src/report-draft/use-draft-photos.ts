import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react'

import { compressPhoto } from '../device/compress-photo'
import { onReconnect } from '../device/network'
import { photoStore } from '../device/photo-store'
import { CallError, ownFileUrls } from '../transport'
import { withPhotosAdded, type DraftPhoto, type ReportDraft } from './draft'
import { fetchUploadSlot, slotDirOf, uploadDraftPhoto } from './photo-upload'

export type PhotoUpload = { photo: DraftPhoto; error?: CallError }
type Update = (change: (draft: ReportDraft) => ReportDraft) => void

function withEntry<K, V>(map: ReadonlyMap<K, V>, key: K, value: V | undefined): ReadonlyMap<K, V> {
  const next = new Map(map)
  if (value === undefined) next.delete(key)
  else next.set(key, value)
  return next
}

/**
 * A draft's photos on this device and on their way up: each picked photo is compressed and kept in the
 * device's photo store (so a photo picked offline survives closing the app), shown from there (or, once
 * uploaded and gone from the device, from a temporary URL of its fileID), and uploaded with its progress;
 * an upload can be cancelled and retried, and failed ones are retried when the network comes back.
 */
export function useDraftPhotos(current: MutableRefObject<ReportDraft>, update: Update) {
  /** What each photo's <Image> shows, by photo number (this session only). */
  const [sources, setSources] = useState<ReadonlyMap<number, string>>(() => new Map())
  /** The share sent of each photo uploading now, by photo number. */
  const [progress, setProgress] = useState<ReadonlyMap<number, number>>(() => new Map())
  /** Photos picked and still being compressed and kept. */
  const [adding, setAdding] = useState(0)
  const shown = useRef(new Map<number, string>())
  const running = useRef(new Map<number, Promise<PhotoUpload>>())
  const cancels = useRef(new Map<number, { requested: boolean; cancel?: () => void }>())

  const show = (no: number, src: string) => {
    shown.current.set(no, src)
    setSources((map) => withEntry(map, no, src))
  }
  const replace = (photo: DraftPhoto) => update((d) => ({ ...d, photos: d.photos.map((p) => (p.no === photo.no ? photo : p)) }))

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

  const runUpload = async (no: number): Promise<PhotoUpload> => {
    const photo = current.current.photos.find((p) => p.no === no)
    if (!photo) return { photo: { no, failed: true } } // removed meanwhile: nothing to upload or keep
    if (photo.fileID || photo.lost) return { photo }
    setProgress((map) => withEntry(map, no, 0))
    const dir = await slotDir()
    // Without a folder the photo waits, failed, and is tried again like any failed upload.
    if (!dir) return { photo: { ...photo, failed: true }, error: new CallError('NETWORK', 'no upload folder') }
    const source = shown.current.get(no) ?? (photo.kept ? await photoStore().source(photo.kept) : undefined)
    if (!source) return { photo: { no, lost: true } }
    const control = cancels.current.get(no) ?? { requested: false }
    cancels.current.set(no, control)
    if (control.requested) return { photo: { ...photo, failed: true }, error: new CallError('CANCELLED') }
    return uploadDraftPhoto(dir, photo, source, {
      onProgress: (share) => setProgress((map) => withEntry(map, no, share)),
      onCancellable: (cancel) => {
        control.cancel = cancel
        if (control.requested) cancel()
      },
    })
  }

  /** Uploads one photo (once at a time: a tap on retry while it uploads waits for the same upload). */
  const upload = useCallback(
    (no: number): Promise<PhotoUpload> => {
      const already = running.current.get(no)
      if (already) return already
      cancels.current.delete(no)
      const attempt = runUpload(no)
        .then((done) => {
          if (done.photo && current.current.photos.some((p) => p.no === no)) replace(done.photo)
          return done
        })
        .finally(() => {
          running.current.delete(no)
          cancels.current.delete(no)
          setProgress((map) => withEntry(map, no, undefined))
        })
      running.current.set(no, attempt)
      return attempt
    },
    [slotDir],
  )

  const cancel = useCallback((no: number) => {
    const control = cancels.current.get(no) ?? { requested: false }
    control.requested = true
    cancels.current.set(no, control)
    control.cancel?.()
  }, [])

  /** Tries every photo that is not up yet (and can be): on opening the draft, and when the network returns. */
  const uploadWaiting = useCallback(() => {
    for (const photo of current.current.photos) if (!photo.fileID && !photo.lost) void upload(photo.no)
  }, [upload])

  const add = useCallback(
    async (localPaths: string[]) => {
      const store = photoStore()
      setAdding((n) => n + localPaths.length)
      const picked: { key: string; src: string }[] = []
      for (const path of localPaths) {
        const small = await compressPhoto(path)
        // A store that refuses (no space, a private window) still lets the photo go up in this session.
        const key = await store.keep(small).catch(() => small)
        picked.push({ key, src: (await store.source(key).catch(() => undefined)) ?? small })
      }
      setAdding((n) => n - localPaths.length)
      const before = current.current.photos.length
      update((d) =>
        withPhotosAdded(
          d,
          picked.map((p) => p.key),
        ),
      )
      const added = current.current.photos.slice(before)
      added.forEach((photo, i) => show(photo.no, picked[i]!.src))
      await Promise.all(added.map((photo) => upload(photo.no)))
    },
    [update, upload],
  )

  const remove = useCallback(
    (no: number) => {
      const photo = current.current.photos.find((p) => p.no === no)
      cancel(no)
      if (photo?.kept)
        void photoStore()
          .forget(photo.kept)
          .catch(() => undefined)
      update((d) => ({ ...d, photos: d.photos.filter((p) => p.no !== no) }))
    },
    [update, cancel],
  )

  /** Throws away the device's copies of these photos (the report is in, or the draft was thrown away). */
  const forgetKept = useCallback((photos: readonly DraftPhoto[]) => {
    for (const photo of photos)
      if (photo.kept)
        void photoStore()
          .forget(photo.kept)
          .catch(() => undefined)
    shown.current.clear()
    setSources(new Map())
  }, [])

  // Opening a saved draft: show each photo from the device, or from its fileID once it is only up there;
  // then send what is waiting.
  useEffect(() => {
    let gone = false
    const restore = async () => {
      const store = photoStore()
      const fromCloud: DraftPhoto[] = []
      for (const photo of current.current.photos) {
        if (shown.current.has(photo.no)) continue
        const src = photo.kept ? await store.source(photo.kept).catch(() => undefined) : undefined
        if (gone) return
        if (src) show(photo.no, src)
        else if (photo.fileID) fromCloud.push(photo)
        else if (!photo.lost) replace({ no: photo.no, lost: true })
      }
      if (fromCloud.length > 0) {
        const urls = await ownFileUrls(fromCloud.map((p) => p.fileID!)).catch(() => new Map<string, string>())
        if (gone) return
        for (const photo of fromCloud) {
          const url = urls.get(photo.fileID!)
          if (url) show(photo.no, url)
        }
      }
      uploadWaiting()
    }
    void restore()
    const stop = onReconnect(uploadWaiting)
    return () => {
      gone = true
      stop()
    }
  }, [])

  return { sources, progress, adding, add, upload, cancel, remove, forgetKept }
}
