import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RawRoute } from '../server/module';
import { sendJson } from '../server/http-util';
import { cloudPathProblem, fileIdFor } from './cloud-path';
import { queryOf } from './cos-routes';
import { locate, PERMISSION_DENIED, removeFile, signedDownloadUrl, type FileOperationDeps, type FileOutcome } from './file-operations';
import type { RuleContext } from './rule-expression';
import type { StorageRules } from './storage-rules';

export interface ClientRouteDeps extends FileOperationDeps {
  rules: StorageRules;
  /** The signed-in browser user (openid) of a request, or undefined. */
  browserCaller(req: IncomingMessage): string | undefined;
}

/** wx.cloud.getTempFileURL and deleteFile take at most 50 files a call. */
const MAX_FILES_PER_CALL = 50;

/** What wx.cloud reports per file: its numeric status and errMsg for each CloudBase code. */
const STATUS: Record<string, [number, string]> = {
  SUCCESS: [0, 'ok'],
  INVALID_PARAM: [-501007, 'invalid parameters'],
  STORAGE_EXCEED_AUTHORITY: [-503002, 'storage permission denied'],
  STORAGE_FILE_NONEXIST: [-503003, 'storage file not exists'],
};

/**
 * What a mini-program does with `wx.cloud` storage, for the browser build: upload, temporary URLs and
 * delete, each as the signed-in user and held to the storage rules (`write` for upload, overwrite and
 * delete; `read` for a temporary URL). `resource.openid` is the file's uploader; for an upload of a new
 * file, the caller. A file the server wrote has no uploader, so a rule comparing it with the caller denies.
 */
export function clientRoutes(deps: ClientRouteDeps): RawRoute[] {
  return [
    { method: 'POST', path: /^\/storage\/upload$/, handle: (req, res, _match, body) => upload(deps, req, res, body) },
    { method: 'POST', path: /^\/storage\/temp-urls$/, handle: (req, res, _match, body) => perFile(deps, req, res, body, tempUrl) },
    { method: 'POST', path: /^\/storage\/delete$/, handle: (req, res, _match, body) => perFile(deps, req, res, body, remove) },
  ];
}

/** `POST /storage/upload?cloudPath=…` with the raw bytes → `{ fileID }`. */
function upload(deps: ClientRouteDeps, req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const caller = deps.browserCaller(req);
  if (caller === undefined) return sendJson(res, 401, { code: 'UNAUTHORIZED', message: 'sign in before uploading' });
  const cloudPath = queryOf(req).get('cloudPath') ?? '';
  const problem = cloudPathProblem(cloudPath);
  if (problem) return sendJson(res, 400, { code: 'INVALID_PARAM', message: problem });
  const owner = deps.store.exists(cloudPath) ? deps.store.ownerOf(cloudPath) : caller;
  if (!deps.rules.allows('write', contextOf(caller, cloudPath, owner))) {
    const message = `the storage rules do not let this user write ${cloudPath} (another user's or the server's file)`;
    return sendJson(res, 403, { code: PERMISSION_DENIED.code, message });
  }
  deps.store.write(cloudPath, body, caller);
  sendJson(res, 200, { fileID: fileIdFor(deps.envId, cloudPath) });
}

type FileOperation = (deps: ClientRouteDeps, caller: string, entry: unknown) => Record<string, unknown>;

/** `POST /storage/temp-urls` and `/storage/delete`: `{ fileList }` in, `{ fileList }` with a status per file out. */
function perFile(deps: ClientRouteDeps, req: IncomingMessage, res: ServerResponse, body: Buffer, operation: FileOperation): void {
  const caller = deps.browserCaller(req);
  if (caller === undefined) return sendJson(res, 401, { code: 'UNAUTHORIZED', message: 'sign in first' });
  const fileList = fileListOf(body);
  if (typeof fileList === 'string') return sendJson(res, 400, { code: 'INVALID_PARAM', message: fileList });
  sendJson(res, 200, { fileList: fileList.map((entry) => operation(deps, caller, entry)) });
}

function tempUrl(deps: ClientRouteDeps, caller: string, entry: unknown): Record<string, unknown> {
  const { fileID, maxAge } =
    typeof entry === 'string' ? { fileID: entry, maxAge: undefined } : ((entry ?? {}) as { fileID?: unknown; maxAge?: unknown });
  const id = String(fileID ?? '');
  const outcome: FileOutcome & { tempFileURL?: string; maxAge?: number } = checked(deps, caller, id, 'read', (cloudPath) =>
    signedDownloadUrl(deps, cloudPath, maxAge),
  );
  const [status, errMsg] = statusOf(outcome);
  return {
    fileID: id,
    tempFileURL: outcome.tempFileURL ?? '',
    ...(outcome.maxAge !== undefined && { maxAge: outcome.maxAge }),
    status,
    errMsg,
  };
}

function remove(deps: ClientRouteDeps, caller: string, entry: unknown): Record<string, unknown> {
  const id = typeof entry === 'string' ? entry : '';
  const [status, errMsg] = statusOf(checked(deps, caller, id, 'write', (cloudPath) => removeFile(deps, cloudPath)));
  return { fileID: id, status, errMsg };
}

/**
 * Runs `operation` on the file if the rules let the caller; the rule is asked before the file is looked
 * for, so a missing file and someone else's file look the same to a caller the rule would refuse.
 */
function checked<T extends FileOutcome>(
  deps: ClientRouteDeps,
  caller: string,
  fileID: string,
  kind: 'read' | 'write',
  operation: (cloudPath: string) => T,
): T | FileOutcome {
  const located = locate(deps, fileID);
  if ('code' in located) return located;
  const context = contextOf(caller, located.cloudPath, deps.store.ownerOf(located.cloudPath));
  return deps.rules.allows(kind, context) ? operation(located.cloudPath) : PERMISSION_DENIED;
}

function contextOf(caller: string, cloudPath: string, owner: string | undefined): RuleContext {
  return { auth: { openid: caller }, resource: { path: cloudPath, ...(owner !== undefined && { openid: owner }) } };
}

/** wx.cloud's per-file `status` and `errMsg` for CloudBase's `code`. */
function statusOf(outcome: FileOutcome): [number, string] {
  return STATUS[outcome.code] ?? [-501001, 'internal server error'];
}

function fileListOf(body: Buffer): unknown[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return 'the body must be JSON: { "fileList": [fileID, …] }';
  }
  const fileList = (parsed as { fileList?: unknown } | null)?.fileList;
  if (!Array.isArray(fileList) || fileList.length === 0) return 'fileList must be a non-empty list of fileIDs';
  if (fileList.length > MAX_FILES_PER_CALL) return `fileList takes at most ${MAX_FILES_PER_CALL} files a call`;
  return fileList;
}
