import * as z from 'zod/mini';
import { contract } from './contract';

/**
 * What an upload is for. Each purpose has its own folder, and a function that takes files of that
 * purpose accepts only files from the caller's own slot of it: a report's photos (随手拍, anyone) and
 * staff's proof of work on 办结 ('proof', staff only), and a service order's completion photos
 * ('completion', volunteers and staff: whoever may serve an order).
 */
export const UPLOAD_PURPOSES = ['report', 'proof', 'completion'] as const;
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number];

/**
 * The key of the thing being written — for 'report', the draft's idempotency key, the same string its
 * submitReport will carry — so each draft gets its own folder.
 */
export const uploadKeySchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));

/**
 * A file's name inside its slot: letters, digits, `_` and `-`, then an image extension, lower case.
 * The client names its uploads so; the server refuses any other name (no subfolders, no odd suffixes).
 */
export const UPLOAD_FILE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}\.(jpg|jpeg|png|webp|heic|gif)$/;

/** A slot: `uploads/<purpose>/<32 hex>/`, to be followed by a file name. */
export const UPLOAD_DIR_PATTERN = /^uploads\/[a-z]+\/[0-9a-f]{32}\/$/;

/**
 * `uploadSlot`: the cloud folder the caller uploads a draft's files into. It derives from the caller,
 * the purpose and the key, so the server can later tell the caller's own uploads for this draft from
 * any other file; it is per draft, not per person, so the file IDs staff see on one anonymous report
 * do not link it to the same resident's other reports.
 */
export const uploadSlotContract = contract(
  'uploadSlot',
  z.object({ purpose: z.enum(UPLOAD_PURPOSES), key: uploadKeySchema }),
  z.object({ dir: z.string().check(z.regex(UPLOAD_DIR_PATTERN)) }),
);
