import { uploadFile } from '../transport'
import type { DraftPhoto, ReportDraft } from './draft'

function extensionOf(localPath: string): string {
  const match = /\.(jpe?g|png|webp|heic|gif)$/i.exec(localPath)
  return match?.[1] ? match[1].toLowerCase() : 'jpg'
}

/** Where a draft's photo goes in cloud storage: one folder per draft, so a retried upload overwrites itself. */
export function photoCloudPath(draft: Pick<ReportDraft, 'idempotencyKey'>, photo: DraftPhoto): string {
  return `reports/${draft.idempotencyKey}/${photo.no}.${extensionOf(photo.localPath)}`
}

/** Uploads one photo; the photo as it should now be kept (with its fileID, or marked failed). */
export async function uploadDraftPhoto(draft: Pick<ReportDraft, 'idempotencyKey'>, photo: DraftPhoto): Promise<DraftPhoto> {
  if (photo.fileID) return photo
  try {
    const fileID = await uploadFile(photo.localPath, photoCloudPath(draft, photo))
    return { no: photo.no, localPath: photo.localPath, fileID }
  } catch {
    return { no: photo.no, localPath: photo.localPath, failed: true }
  }
}
