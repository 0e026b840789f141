import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

interface TokenPayload {
  openid: string;
  /** Expiry, epoch milliseconds. */
  exp: number;
}

/**
 * Local sign-in tokens for the browser build: `base64url(JSON {openid, exp}).base64url(HMAC-SHA256)`.
 * The secret lives in one file created on first use (mode 600), so tokens survive a restart.
 */
export class SigninTokens {
  constructor(
    private readonly secret: Buffer,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  static fromSecretFile(file: string, ttlMs: number, now?: () => number): SigninTokens {
    return new SigninTokens(loadOrCreateSecret(file), ttlMs, now);
  }

  issue(openid: string): string {
    const payload: TokenPayload = { openid, exp: this.now() + this.ttlMs };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The openid a token was issued for, or undefined if it is malformed, tampered with or expired. */
  verify(token: string): string | undefined {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return undefined;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    const payload = parsePayload(body);
    if (!payload || payload.exp <= this.now()) return undefined;
    return payload.openid;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

function parsePayload(body: string): TokenPayload | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!value || typeof value !== 'object') return undefined;
    const { openid, exp } = value as Record<string, unknown>;
    if (typeof openid !== 'string' || openid === '' || typeof exp !== 'number') return undefined;
    return { openid, exp };
  } catch {
    return undefined;
  }
}

/**
 * Reads the secret, or creates it once. Written aside and hard-linked into place, so two processes
 * starting together agree on one secret and neither reads a half-written file.
 */
function loadOrCreateSecret(file: string): Buffer {
  mkdirSync(dirname(file), { recursive: true });
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, randomBytes(32).toString('hex'), { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  chmodSync(file, 0o600);
  const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (secret.length < 16) throw new Error(`sign-in secret in ${file} is too short; delete the file to make a new one`);
  return secret;
}
