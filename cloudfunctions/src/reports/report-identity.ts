import { createHash } from 'node:crypto';
import type { ParsedRequestOf, submitReportContract } from '@pingan/shared';

type SubmitRequest = ParsedRequestOf<typeof submitReportContract>;

/**
 * A report's id, derived from its reporter and the idempotency key the client made for the draft: a
 * retried or concurrent second submit computes the same id, and its insert collides with the first.
 * `r` and 24 hex digits (96 bits) of SHA-256; the openid cannot be read back from it.
 */
export function reportIdFor(openid: string, idempotencyKey: string): string {
  return `r${sha256(`${openid}\n${idempotencyKey}`).slice(0, 24)}`;
}

/** A digest of what was reported, to tell a retry (same digest) from another report reusing the key. */
export function requestHashOf(request: SubmitRequest): string {
  const { categoryCode, text, photos, location, scannedGridCode, anonymous } = request;
  return sha256(JSON.stringify([categoryCode, text, photos, location ?? null, scannedGridCode ?? null, anonymous]));
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
