import * as z from 'zod/mini';
import { ERROR_CODES, type ErrorCode } from './error-codes';

/** What every cloud function answers: its data, or a stable code the client switches on and a message. */
export type Envelope<T> =
  { readonly ok: true; readonly data: T } | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

/** A success envelope. */
export function ok<T>(data: T): Envelope<T> {
  return { ok: true, data };
}

/** A failure envelope. */
export function fail(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, code, message };
}

/** The failure half of every envelope. */
export const failureSchema = z.object({ ok: z.literal(false), code: z.enum(ERROR_CODES), message: z.string() });

/** The schema of an envelope around a response's data, for the client to check what came back. */
export function envelopeSchema<T extends z.ZodMiniType>(data: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), data }), failureSchema]);
}

/**
 * Parses a call's request with its contract: the parsed data, or an `INPUT.INVALID` failure naming the
 * offending fields (never their values, which may be personal).
 */
export function parseRequest<T extends z.ZodMiniType>(schema: T, input: unknown): Envelope<z.output<T>> {
  const result = schema.safeParse(input);
  if (result.success) return ok(result.data);
  const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(request)'))];
  return fail('INPUT.INVALID', `invalid ${fields.join(', ')}`);
}
