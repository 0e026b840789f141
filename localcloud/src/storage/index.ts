import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { CloudError, type CloudModule } from '../server/module';
import { cloudPathProblem, fileIdFor, parseFileId } from './cloud-path';
import { cosRoutes, DOWNLOAD_PATH, UPLOAD_PATH } from './cos-routes';
import { createFileStore, type FileStore } from './file-store';
import { createUrlSigner, type UrlSigner } from './url-signer';

export interface StorageOptions {
  dir: string;
  envId: string;
  /** This server's base URL, for the upload and download URLs handed out. */
  baseUrl: () => string;
  /** Decides whether a browser may use `POST /storage/upload`; unset: anyone may. */
  authorize?(req: IncomingMessage): boolean;
  /** Seconds since the epoch; tests move it to expire URLs. */
  nowSeconds?(): number;
}

/** An upload URL is valid this long, as COS's pre-signed PUTs are. */
const UPLOAD_URL_SECONDS = 600;
/** A temporary download URL's lifetime when the caller gives no maxAge (the mini-program docs say 2 hours). */
const DEFAULT_MAX_AGE_SECONDS = 7200;

/**
 * Cloud storage: the SDK's `storage.*` actions, and the routes its uploads, downloads and temporary URLs
 * reach. Files are kept on disk under `dir`.
 */
export function createStorageModule(options: StorageOptions): CloudModule {
  const store = createFileStore(options.dir);
  const signer = createUrlSigner(join(options.dir, 'url-secret'));
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const deps: ActionDeps = { ...options, store, signer, nowSeconds };
  return {
    name: 'storage',
    actions: {
      'storage.getUploadMetadata': (body) => uploadMetadata(deps, body),
      'storage.batchGetDownloadUrl': (body) => ({ download_list: listOf(body.file_list).map((entry) => downloadUrl(deps, entry)) }),
      'storage.batchDeleteFile': (body) => ({ delete_list: listOf(body.fileid_list).map((fileId) => deleteFile(deps, fileId)) }),
    },
    routes: cosRoutes({ envId: options.envId, store, signer, nowSeconds, authorize: options.authorize }),
  };
}

interface ActionDeps extends StorageOptions {
  store: FileStore;
  signer: UrlSigner;
  nowSeconds(): number;
}

function uploadMetadata(deps: ActionDeps, body: Record<string, unknown>) {
  const cloudPath = typeof body.path === 'string' ? body.path : '';
  const problem = cloudPathProblem(cloudPath);
  if (problem) throw new CloudError('INVALID_PARAM', problem);
  const query = deps.signer.query('upload', cloudPath, deps.nowSeconds() + UPLOAD_URL_SECONDS);
  const fileId = fileIdFor(deps.envId, cloudPath);
  return {
    url: `${deps.baseUrl()}${UPLOAD_PATH}${encodePath(cloudPath)}?${query}`,
    // COS's temporary credentials; the signature in the URL is what this server checks.
    token: '',
    authorization: query,
    fileId,
    // Sent back as an HTTP header (x-cos-meta-fileid), so it must be ASCII even for a Chinese path.
    cosFileId: Buffer.from(fileId).toString('base64url'),
  };
}

/** One entry of `download_list`, in the shape the SDK reads (`code` 'SUCCESS' or an error code). */
function downloadUrl(deps: ActionDeps, entry: unknown) {
  const { fileid, max_age } = (entry ?? {}) as { fileid?: unknown; max_age?: unknown };
  const fileID = String(fileid ?? '');
  const located = locate(deps, fileID);
  if ('code' in located) return { fileID, tempFileURL: '', ...located };
  if (!deps.store.exists(located.cloudPath)) return { fileID, tempFileURL: '', ...NO_SUCH_FILE };
  const maxAge = typeof max_age === 'number' && max_age > 0 ? Math.floor(max_age) : DEFAULT_MAX_AGE_SECONDS;
  const query = deps.signer.query('download', located.cloudPath, deps.nowSeconds() + maxAge);
  // Unencoded path, as CloudBase hands it out: the SDK encodeURI()s it before fetching.
  return { fileID, tempFileURL: `${deps.baseUrl()}${DOWNLOAD_PATH}${located.cloudPath}?${query}`, code: 'SUCCESS', maxAge };
}

function deleteFile(deps: ActionDeps, fileId: unknown) {
  const fileID = String(fileId ?? '');
  const located = locate(deps, fileID);
  if ('code' in located) return { fileID, ...located };
  return deps.store.remove(located.cloudPath) ? { fileID, code: 'SUCCESS' } : { fileID, ...NO_SUCH_FILE };
}

const NO_SUCH_FILE = { code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' };

/** The cloud path a fileID names in this env, or the error code CloudBase gives for it. */
function locate(deps: ActionDeps, fileID: string): { cloudPath: string } | { code: string; message: string } {
  const parsed = parseFileId(fileID);
  if (!parsed) return { code: 'INVALID_PARAM', message: `invalid fileID: ${fileID}` };
  if (parsed.envId !== deps.envId) return { code: 'STORAGE_EXCEED_AUTHORITY', message: `fileID belongs to env ${parsed.envId}, not ${deps.envId}` };
  return { cloudPath: parsed.cloudPath };
}

function encodePath(cloudPath: string): string {
  return cloudPath.split('/').map(encodeURIComponent).join('/');
}

function listOf(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new CloudError('INVALID_PARAM', 'expected a list of files');
  return value;
}
