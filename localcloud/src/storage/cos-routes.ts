import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { RawRoute } from '../server/module';
import { cloudPathProblem } from './cloud-path';
import { contentTypeFor } from './content-type';
import type { FileStore } from './file-store';
import type { UrlSigner } from './url-signer';

export const UPLOAD_PATH = '/storage/cos/';
export const DOWNLOAD_PATH = '/storage/file/';

export interface CosRouteDeps {
  store: FileStore;
  signer: UrlSigner;
  nowSeconds(): number;
}

/**
 * The object-storage side: the signed PUT the SDK uploads to and the signed GET of temporary URLs (shown
 * in a browser, so served with the right content type). The signature is the grant: whoever handed the
 * URL out (the server SDK, or a browser route after the rules) already decided, so no rules apply here.
 */
export function cosRoutes(deps: CosRouteDeps): RawRoute[] {
  return [
    { method: 'PUT', path: /^\/storage\/cos\/(.+)$/, handle: (req, res, match, body) => handleSignedUpload(deps, req, res, match, body) },
    { method: 'GET', path: /^\/storage\/file\/(.+)$/, handle: (req, res, match) => handleSignedDownload(deps, req, res, match) },
  ];
}

function handleSignedUpload(deps: CosRouteDeps, req: IncomingMessage, res: ServerResponse, match: RegExpMatchArray, body: Buffer): void {
  const cloudPath = decodePath(match[1]);
  if (!cloudPath) return sendCosError(res, 400, 'InvalidURI', 'Could not parse the specified URI', '');
  const verdict = deps.signer.check('upload', cloudPath, queryOf(req), deps.nowSeconds());
  if (verdict !== 'ok') return sendSignatureError(res, verdict, cloudPath);
  deps.store.write(cloudPath, body); // an administrator's write: the file has no owner any more
  res.writeHead(200, { 'content-length': 0, etag: `"${randomUUID()}"` });
  res.end(); // COS answers a successful PUT with an empty body; the SDK parses any body as an XML error
}

function handleSignedDownload(deps: CosRouteDeps, req: IncomingMessage, res: ServerResponse, match: RegExpMatchArray): void {
  const cloudPath = decodePath(match[1]);
  if (!cloudPath) return sendCosError(res, 400, 'InvalidURI', 'Could not parse the specified URI', '');
  const params = queryOf(req);
  const verdict = deps.signer.check('download', cloudPath, params, deps.nowSeconds());
  if (verdict !== 'ok') return sendSignatureError(res, verdict, cloudPath);
  const bytes = deps.store.read(cloudPath);
  if (!bytes) return sendCosError(res, 404, 'NoSuchKey', 'The specified key does not exist.', cloudPath);
  const secondsLeft = Math.max(0, Number(params.get('t')) - deps.nowSeconds());
  res.writeHead(200, {
    'content-type': contentTypeFor(cloudPath, bytes),
    'content-length': bytes.length,
    'cache-control': `private, max-age=${secondsLeft}`,
    'x-content-type-options': 'nosniff',
  });
  res.end(bytes);
}

function decodePath(encoded: string | undefined): string | undefined {
  try {
    const cloudPath = decodeURIComponent(encoded ?? '');
    return cloudPathProblem(cloudPath) ? undefined : cloudPath;
  } catch {
    return undefined; // malformed percent-encoding
  }
}

export function queryOf(req: IncomingMessage): URLSearchParams {
  return new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
}

function sendSignatureError(res: ServerResponse, verdict: 'expired' | 'bad-signature', cloudPath: string): void {
  if (verdict === 'expired') sendCosError(res, 403, 'AccessDenied', 'Request has expired', cloudPath);
  else sendCosError(res, 403, 'SignatureDoesNotMatch', 'The Signature you specified is invalid.', cloudPath);
}

/** COS's XML error, which the SDK parses (it reads Code, Message, RequestId and TraceId). */
function sendCosError(res: ServerResponse, status: number, code: string, message: string, cloudPath: string): void {
  const id = randomUUID();
  const body = [
    "<?xml version='1.0' encoding='utf-8' ?>",
    '<Error>',
    `<Code>${code}</Code>`,
    `<Message>${escapeXml(message)}</Message>`,
    `<Resource>/${escapeXml(cloudPath)}</Resource>`,
    `<RequestId>${id}</RequestId>`,
    `<TraceId>${id}</TraceId>`,
    '</Error>',
  ].join('\n');
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}
