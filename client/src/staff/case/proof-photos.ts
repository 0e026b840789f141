import { uploadSlotContract } from '@pingan/shared/contracts'
import { useRef, useState } from 'react'

import { photoCloudPath } from '../../report-draft/photo-upload'
import { call, uploadFile } from '../../transport'

export type ProofPhoto = { no: number; localPath: string; fileID?: string; failed?: boolean }

/** A fresh key for one 办结's photos: its own upload slot, as a draft's key gives a report its own. */
export function newProofKey(now: number = Date.now(), random: () => number = Math.random): string {
  return `proof-${now.toString(36)}-${Math.floor(random() * 36 ** 8).toString(36)}`
}

/**
 * 办结's proof photos (and a service order's 完成 photos, purpose 'completion'): each uploaded as soon as
 * it is picked into the caller's own slot of that purpose for this key (uploadSlot, asked once), the only
 * place resolveReport or completeOrder takes photos from; a failed one can be tried again or removed.
 * `fileIDs` are the uploaded ones, in the order picked.
 */
export function useProofPhotos(purpose: 'proof' | 'completion' = 'proof') {
  const [key] = useState(() => newProofKey())
  const [photos, setPhotos] = useState<ProofPhoto[]>([])
  const slot = useRef<Promise<string>>()
  const next = useRef(1)

  const dirOf = () => {
    slot.current ??= call(uploadSlotContract, { purpose, key }).then(({ dir }) => dir)
    slot.current.catch(() => (slot.current = undefined))
    return slot.current
  }
  const upload = async (photo: ProofPhoto) => {
    setPhotos((all) => all.map((p) => (p.no === photo.no ? { no: p.no, localPath: p.localPath } : p)))
    try {
      const fileID = await uploadFile(photo.localPath, photoCloudPath(await dirOf(), photo))
      setPhotos((all) => all.map((p) => (p.no === photo.no ? { ...p, fileID } : p)))
    } catch {
      setPhotos((all) => all.map((p) => (p.no === photo.no ? { ...p, failed: true } : p)))
    }
  }
  const add = (localPaths: readonly string[]) => {
    const added = localPaths.map((localPath) => ({ no: next.current++, localPath }))
    setPhotos((all) => [...all, ...added])
    added.forEach((photo) => void upload(photo))
  }
  const remove = (no: number) => setPhotos((all) => all.filter((p) => p.no !== no))
  const fileIDs = photos.flatMap((p) => (p.fileID ? [p.fileID] : []))
  const uploading = photos.some((p) => !p.fileID && !p.failed)
  return { key, photos, fileIDs, uploading, add, retry: (photo: ProofPhoto) => void upload(photo), remove }
}
