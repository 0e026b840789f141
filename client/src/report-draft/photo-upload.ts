import { uploadSlotContract } from '@pingan/shared/contracts'

import { asCallError, call, uploadFile, type CallError, type UploadOptions } from '../transport'
import type { DraftPhoto, ReportDraft } from './draft'

// A draft's photos go into its upload slot: a folder the server derives from the signed-in user and the
// draft's idempotency key (uploadSlot), and the only place submitReport takes photos from. The folder is
// asked once and kept in the draft; each upload gets a fresh name, so a retry never has to overwrite a
// file the storage may already hold.

function extensionOf(path: string): string {
  const match = /\.(jpe?g|png|webp|heic|gif)$/i.exec(path)
  return match?.[1] ? match[1].toLowerCase() : 'jpg'
}

/** Eight base-36 characters of randomness. */
function noise(random: () => number): string {
  return Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0')
}

/** Where one upload of a draft's photo goes: `<slot dir><photo number>-<random>.<ext>`. */
export function photoCloudPath(dir: string, photo: DraftPhoto, random: () => number = Math.random): string {
  return `${dir}${photo.no}-${noise(random)}.${extensionOf(photo.kept ?? '')}`
}

/** The draft's slot folder, when it was asked for this draft's key (a draft's key never changes). */
export function slotDirOf(draft: Pick<ReportDraft, 'idempotencyKey' | 'uploadSlot'>): string | undefined {
  return draft.uploadSlot?.key === draft.idempotencyKey ? draft.uploadSlot.dir : undefined
}

/** Asks in flight, by draft key: photos picked together ask for their slot once. */
const asking = new Map<string, Promise<string>>()

/** The slot folder for a draft key, from the server; rejects with a CallError when it cannot be asked. */
export function fetchUploadSlot(key: string): Promise<string> {
  const pending = asking.get(key)
  if (pending) return pending
  const request = call(uploadSlotContract, { purpose: 'report', key })
    .then(({ dir }) => dir)
    .finally(() => asking.delete(key))
  asking.set(key, request)
  return request
}

/**
 * Uploads one photo, read from `source` (where this device has it), into the slot; the photo as it should
 * now be kept: with its fileID, or marked failed (a cancelled upload too) with why.
 */
export async function uploadDraftPhoto(
  dir: string,
  photo: DraftPhoto,
  source: string,
  options: UploadOptions = {},
): Promise<{ photo: DraftPhoto; error?: CallError }> {
  if (photo.fileID) return { photo }
  const { failed: _before, ...rest } = photo
  try {
    return { photo: { ...rest, fileID: await uploadFile(source, photoCloudPath(dir, photo), options) } }
  } catch (error) {
    return { photo: { ...rest, failed: true }, error: asCallError(error) }
  }
}
