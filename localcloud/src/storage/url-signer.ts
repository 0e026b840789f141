import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export type UrlPurpose = 'upload' | 'download';

/** Signs the upload and download URLs handed out, as COS does, so they cannot be forged or reused late. */
export interface UrlSigner {
  /** The query string (`sign=..&t=..`) that lets `purpose` on `cloudPath` until `expiresAt` (seconds). */
  query(purpose: UrlPurpose, cloudPath: string, expiresAt: number): string;
  check(purpose: UrlPurpose, cloudPath: string, params: URLSearchParams, nowSeconds: number): 'ok' | 'expired' | 'bad-signature';
}

/** The secret is kept in `secretFile` so that URLs handed out stay valid across restarts, as real ones do. */
export function createUrlSigner(secretFile: string): UrlSigner {
  const secret = loadOrCreateSecret(secretFile);
  const sign = (purpose: UrlPurpose, cloudPath: string, expiresAt: number) =>
    createHmac('sha256', secret).update(`${purpose}\n${expiresAt}\n${cloudPath}`).digest('base64url');

  return {
    query(purpose, cloudPath, expiresAt) {
      return `sign=${sign(purpose, cloudPath, expiresAt)}&t=${expiresAt}`;
    },
    check(purpose, cloudPath, params, nowSeconds) {
      const expiresAt = Number(params.get('t'));
      const given = Buffer.from(params.get('sign') ?? '');
      const expected = Buffer.from(sign(purpose, cloudPath, expiresAt));
      if (!Number.isInteger(expiresAt) || given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad-signature';
      return nowSeconds > expiresAt ? 'expired' : 'ok';
    },
  };
}

function loadOrCreateSecret(path: string): string {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    mkdirSync(dirname(path), { recursive: true });
    const secret = randomBytes(32).toString('hex');
    try {
      writeFileSync(path, secret, { flag: 'wx', mode: 0o600 });
      return secret;
    } catch {
      return readFileSync(path, 'utf8').trim(); // another process created it first
    }
  }
}
