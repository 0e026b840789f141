import { parseFileId } from './cloud-path';
import { DOWNLOAD_PATH } from './cos-routes';
import type { FileStore } from './file-store';
import type { UrlSigner } from './url-signer';

/** What the per-file operations need, whoever asks (the server SDK or a browser). */
export interface FileOperationDeps {
  envId: string;
  store: FileStore;
  signer: UrlSigner;
  /** This server's base URL, for the URLs handed out. */
  baseUrl(): string;
  nowSeconds(): number;
}

/** One file's outcome as CloudBase reports it: `code` 'SUCCESS' or an error code with a message. */
export type FileOutcome = { code: 'SUCCESS' } | { code: string; message: string };

/** A temporary download URL's lifetime when the caller gives no maxAge (the mini-program docs say 2 hours). */
const DEFAULT_MAX_AGE_SECONDS = 7200;

export const NO_SUCH_FILE = { code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' };
export const PERMISSION_DENIED = { code: 'STORAGE_EXCEED_AUTHORITY', message: 'storage permission denied' };

/** The cloud path a fileID names in this env, or the error code CloudBase gives for it. */
export function locate(deps: FileOperationDeps, fileID: string): { cloudPath: string } | { code: string; message: string } {
  const parsed = parseFileId(fileID);
  if (!parsed) return { code: 'INVALID_PARAM', message: `invalid fileID: ${fileID}` };
  if (parsed.envId !== deps.envId)
    return { code: 'STORAGE_EXCEED_AUTHORITY', message: `fileID belongs to env ${parsed.envId}, not ${deps.envId}` };
  return { cloudPath: parsed.cloudPath };
}

/** A signed, expiring download URL for an existing file; the signature is the grant, checked on GET. */
export function signedDownloadUrl(
  deps: FileOperationDeps,
  cloudPath: string,
  maxAge: unknown,
): FileOutcome & { tempFileURL: string; maxAge?: number } {
  if (!deps.store.exists(cloudPath)) return { tempFileURL: '', ...NO_SUCH_FILE };
  const seconds = typeof maxAge === 'number' && maxAge > 0 ? Math.floor(maxAge) : DEFAULT_MAX_AGE_SECONDS;
  const query = deps.signer.query('download', cloudPath, deps.nowSeconds() + seconds);
  // Unencoded path, as CloudBase hands it out: the SDK encodeURI()s it before fetching.
  return { tempFileURL: `${deps.baseUrl()}${DOWNLOAD_PATH}${cloudPath}?${query}`, code: 'SUCCESS', maxAge: seconds };
}

export function removeFile(deps: FileOperationDeps, cloudPath: string): FileOutcome {
  return deps.store.remove(cloudPath) ? { code: 'SUCCESS' } : NO_SUCH_FILE;
}
