import type { RequestOf } from '@pingan/shared/contracts'
import type { submitReportContract } from '@pingan/shared/contracts'

import type { ReportDraft } from './draft'

/** The submitReport request for a draft whose photos are all uploaded. */
export function submitRequestOf(draft: ReportDraft): RequestOf<typeof submitReportContract> {
  return {
    categoryCode: draft.categoryCode ?? '',
    // Normalised by the contract as the call is checked (NFC, invisible ends dropped), as the server does.
    text: draft.text,
    photos: draft.photos.flatMap((photo) => (photo.fileID ? [photo.fileID] : [])),
    ...(draft.location && { location: draft.location.lngLat }),
    ...(draft.scannedGridCode && { scannedGridCode: draft.scannedGridCode }),
    anonymous: draft.anonymous,
    idempotencyKey: draft.idempotencyKey,
  }
}
