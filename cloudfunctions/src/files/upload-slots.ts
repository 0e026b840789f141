import { createHash } from 'node:crypto';
import { UPLOAD_FILE_NAME_PATTERN, type UploadPurpose } from '@pingan/shared';
import { AppError } from '../platform/app-error';
import type { Caller } from '../platform/define-function';
import { currentEnv, tempFileUrls } from '../platform/sdk';

/**
 * Upload slots: the one folder a caller uploads a draft's files into, and the proof, at submit, that a
 * file is one of those. The folder derives from the caller's openid, the purpose and the draft's key, so
 * the server recomputes it instead of remembering it, and nobody without the caller's openid can name it.
 * One folder per draft rather than per person: staff see the file IDs, and a per-person folder would
 * tie an anonymous report to the same resident's other reports.
 */
export function uploadDirFor(openid: string, purpose: UploadPurpose, key: string): string {
  const h = createHash('sha256').update(`${openid}\n${purpose}\n${key}`).digest('hex').slice(0, 32);
  return `uploads/${purpose}/${h}/`;
}

/** `cloud://<env>.<bucket>/<path>`, as CloudBase makes file IDs. */
const FILE_ID = /^cloud:\/\/([^./]+)\.[^/]+\/(.+)$/;

/** What a purpose's files are for, in the refusal's words. */
const FOR_WHAT: Record<UploadPurpose, string> = { report: '这条上报', proof: '这次办结', completion: '这次服务' };

/** A probe of existence only: the URLs are thrown away, so they need not live long. */
const PROBE_URL_SECONDS = 60;

/**
 * Refuses, before anything is stored, a file the caller did not upload into this draft's slot: another
 * environment's file, another folder (someone else's upload, a system file, another draft of the same
 * caller), an odd name (FILE.NOT_YOURS); or a name in the slot with no file behind it (FILE.NOT_FOUND),
 * asked in one getTempFileURL call. When storage cannot answer, the call fails rather than store an
 * unchecked file.
 */
export async function assertOwnUploads(caller: Caller, purpose: UploadPurpose, key: string, fileIds: readonly string[]): Promise<void> {
  if (fileIds.length === 0) return;
  const env = currentEnv();
  const dir = uploadDirFor(caller.openid, purpose, key);
  if (!fileIds.every((fileId) => isInSlot(fileId, env, dir))) {
    throw new AppError('FILE.NOT_YOURS', `照片不是您为${FOR_WHAT[purpose]}上传的，请重新添加`);
  }
  const files = [...new Set(fileIds)];
  const reply = await tempFileUrls(files, PROBE_URL_SECONDS);
  const found = new Set(reply.flatMap((file) => (file.status === 0 && file.fileID ? [file.fileID] : [])));
  if (!files.every((fileId) => found.has(fileId))) {
    throw new AppError('FILE.NOT_FOUND', '照片还没有上传完成，请重新添加');
  }
}

/**
 * Whether a stored file is one its owner uploaded for this purpose and key: the same test as at submit,
 * applied again wherever the server signs a URL for a stored file ID, so a record written by any other
 * path (an import, an old version, a hand edit) cannot hand out someone else's file.
 */
export function isOwnUpload(openid: string, purpose: UploadPurpose, key: string, fileId: string): boolean {
  return isInSlot(fileId, currentEnv(), uploadDirFor(openid, purpose, key));
}

/** Whether a file ID names a file of this environment directly inside `dir`, with a name a client makes. */
function isInSlot(fileId: string, env: string | undefined, dir: string): boolean {
  const match = FILE_ID.exec(fileId);
  if (!env || !match || match[1] !== env) return false;
  const path = match[2] ?? '';
  return path.startsWith(dir) && UPLOAD_FILE_NAME_PATTERN.test(path.slice(dir.length));
}
