/**
 * Turns a handler into a cloud function's `main`: parse the event with the call's shared contract, run the
 * handler as the caller from getWXContext(), and answer in the one envelope. Expected failures (AppError)
 * become their code; anything else is logged once here, at the edge, and answered as INTERNAL.ERROR.
 */
import { fail, ok, parseRequest, type Contract, type Envelope, type ParsedRequestOf, type ResponseOf } from '@pingan/shared';
import { AppError } from './app-error';
import { callerOpenid } from './sdk';

export interface Caller {
  /** From the platform only; always non-empty inside a handler. */
  openid: string;
}

export interface CallContext {
  caller: Caller;
  /** The time of this call; handlers pass it into shared/ rather than reading a clock themselves. */
  now: Date;
}

export type Handler<C extends Contract> = (request: ParsedRequestOf<C>, ctx: CallContext) => Promise<ResponseOf<C>>;

/** The platform adds these to the event when a mini-program calls; they are not the caller's input. */
const PLATFORM_KEYS = ['userInfo'];

export function defineFunction<C extends Contract>(call: C, handler: Handler<C>) {
  return async function main(event: unknown): Promise<Envelope<ResponseOf<C>>> {
    try {
      const openid = callerOpenid();
      if (!openid) return fail('AUTH.FORBIDDEN', '没有登录身份（OPENID 为空）');
      // Names the offending fields, never their values (which may be personal).
      const parsed = parseRequest(call.request, withoutPlatformKeys(event));
      if (!parsed.ok) return parsed;
      return ok(await handler(parsed.data as ParsedRequestOf<C>, { caller: { openid }, now: new Date() }));
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message);
      console.error(`[${call.name}]`, error);
      return fail('INTERNAL.ERROR', '服务暂时不可用，请稍后再试');
    }
  };
}

function withoutPlatformKeys(event: unknown): unknown {
  if (!event || typeof event !== 'object' || Array.isArray(event)) return event;
  const copy: Record<string, unknown> = { ...(event as Record<string, unknown>) };
  for (const key of PLATFORM_KEYS) delete copy[key];
  return copy;
}
