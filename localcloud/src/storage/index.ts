import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { CloudError, type CloudModule } from '../server/module';
import { clientRoutes } from './client-routes';
import { cloudPathProblem, fileIdFor } from './cloud-path';
import { cosRoutes, UPLOAD_PATH } from './cos-routes';
import { locate, removeFile, signedDownloadUrl, type FileOperationDeps } from './file-operations';
import { createFileStore } from './file-store';
import { createUrlSigner } from './url-signer';
import { DENY_ALL, type StorageRules } from './storage-rules';

export { loadStorageRules, type StorageRules } from './storage-rules';

export interface StorageOptions {
  dir: string;
  envId: string;
  /** This server's base URL, for the upload and download URLs handed out. */
  baseUrl: () => string;
  /** The signed-in browser user of a request (its openid), or undefined: a browser must sign in first. */
  browserCaller(req: IncomingMessage): string | undefined;
  /** The storage rules browser requests are held to (`loadStorageRules`); unset: CloudBase's default, deny. */
  rules?: StorageRules;
  /** Seconds since the epoch; tests move it to expire URLs. */
  nowSeconds?(): number;
}

/** An upload URL is valid this long, as COS's pre-signed PUTs are. */
const UPLOAD_URL_SECONDS = 600;

/**
 * Cloud storage: the SDK's `storage.*` actions (an administrator's: no rules), the routes its uploads,
 * downloads and temporary URLs reach, and the browser's routes, held to the storage rules. Files are kept
 * on disk under `dir`.
 */
export function createStorageModule(options: StorageOptions): CloudModule {
  const rules = options.rules ?? DENY_ALL;
  const store = createFileStore(options.dir);
  const signer = createUrlSigner(join(options.dir, 'url-secret'));
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const deps: FileOperationDeps = { envId: options.envId, baseUrl: options.baseUrl, store, signer, nowSeconds };
  return {
    name: 'storage',
    actions: {
      'storage.getUploadMetadata': (body) => uploadMetadata(deps, body),
      'storage.batchGetDownloadUrl': (body) => ({ download_list: listOf(body.file_list).map((entry) => downloadUrl(deps, entry)) }),
      'storage.batchDeleteFile': (body) => ({ delete_list: listOf(body.fileid_list).map((fileId) => deleteFile(deps, fileId)) }),
    },
    routes: [...cosRoutes(deps), ...clientRoutes({ ...deps, rules, browserCaller: options.browserCaller })],
  };
}

function uploadMetadata(deps: FileOperationDeps, body: Record<string, unknown>) {
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
function downloadUrl(deps: FileOperationDeps, entry: unknown) {
  const { fileid, max_age } = (entry ?? {}) as { fileid?: unknown; max_age?: unknown };
  const fileID = String(fileid ?? '');
  const located = locate(deps, fileID);
  if ('code' in located) return { fileID, tempFileURL: '', ...located };
  return { fileID, ...signedDownloadUrl(deps, located.cloudPath, max_age) };
}

function deleteFile(deps: FileOperationDeps, fileId: unknown) {
  const fileID = String(fileId ?? '');
  const located = locate(deps, fileID);
  if ('code' in located) return { fileID, ...located };
  return { fileID, ...removeFile(deps, located.cloudPath) };
}

function encodePath(cloudPath: string): string {
  return cloudPath.split('/').map(encodeURIComponent).join('/');
}

function listOf(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw new CloudError('INVALID_PARAM', 'expected a list of files');
  return value;
}
