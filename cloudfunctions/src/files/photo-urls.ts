import type { PhotoUrls } from '@pingan/shared';
import { tempFileUrls, type TempFile } from '../platform/sdk';

/**
 * How long a photo URL handed to a viewer works: long enough to look at a case, short enough that a
 * forwarded link soon stops working. The client is told a minute less, so it never shows one about to die.
 */
const PHOTO_URL_SECONDS = 20 * 60;
const EXPIRY_MARGIN_SECONDS = 60;

/** getTempFileURL takes at most 50 files a call. */
const FILES_PER_CALL = 50;

/**
 * Temporary download URLs for these files, made in one getTempFileURL call (as the server, so staff can
 * see a resident's photos, which the mini-program's own storage rules would not let them read). A file
 * the storage cannot serve is left out; when the call itself fails the report is still worth reading,
 * so the failure is logged and the photos go without URLs (the client shows tiles).
 */
export async function photoUrlsOf(fileIDs: readonly string[], now: number): Promise<PhotoUrls | undefined> {
  const files = [...new Set(fileIDs)];
  if (files.length === 0) return undefined;
  if (files.length > FILES_PER_CALL) console.warn(`[photo-urls] ${files.length} photos; URLs for the first ${FILES_PER_CALL} only`);
  let reply: TempFile[];
  try {
    reply = await tempFileUrls(files.slice(0, FILES_PER_CALL), PHOTO_URL_SECONDS);
  } catch (error) {
    console.warn('[photo-urls] getTempFileURL failed; the photos go without URLs', error);
    return undefined;
  }
  const served = reply.flatMap((file) =>
    file.status === 0 && file.tempFileURL && /^https?:\/\//.test(file.tempFileURL) ? [{ fileID: file.fileID, url: file.tempFileURL }] : [],
  );
  if (served.length === 0) return undefined;
  return { expiresAt: now + (PHOTO_URL_SECONDS - EXPIRY_MARGIN_SECONDS) * 1000, files: served };
}
