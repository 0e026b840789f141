/**
 * Turns a handler into a scheduled function's `main` (docs/DESIGN.md, "Telling people"): run by its timer
 * trigger alone. A timer call has no caller, so any OPENID means a client (or a function a client called)
 * is knocking: refused with AUTH.FORBIDDEN before the event is read. The call's `now` is the trigger's
 * scheduled `Time`, not a clock read, so a sweep late to start decides as of when it was due, and tests
 * move time by firing the trigger at the instant they choose.
 */
import { fail, ok, parseRequest, type Contract, type Envelope, type ResponseOf, type timerEventSchema } from '@pingan/shared';
import { AppError } from './app-error';
import { callerOpenid } from './sdk';

/** A scheduled function's contract: the timer's event in, what the run did out (clockSweep, settleMonth). */
type ScheduledContract = Contract<typeof timerEventSchema>;

export type ScheduledHandler<C extends ScheduledContract> = (ctx: { now: Date; triggerName: string }) => Promise<ResponseOf<C>>;

export function defineScheduledFunction<C extends ScheduledContract>(call: C, handler: ScheduledHandler<C>) {
  return async function main(event: unknown): Promise<Envelope<ResponseOf<C>>> {
    try {
      if (callerOpenid()) return fail('AUTH.FORBIDDEN', '该功能只由定时任务运行');
      const parsed = parseRequest(call.request, event);
      if (!parsed.ok) return parsed;
      return ok(await handler({ now: new Date(parsed.data.Time), triggerName: parsed.data.TriggerName }));
    } catch (error) {
      if (error instanceof AppError) return fail(error.code, error.message);
      console.error(`[${call.name}]`, error);
      return fail('INTERNAL.ERROR', '服务暂时不可用，请稍后再试');
    }
  };
}
