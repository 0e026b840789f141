import { CloudError, type ActionHandler } from '../server/module';
import type { EventLimits } from './event-limits';
import { eventTooLarge, FunctionError } from './function-errors';
import type { FunctionRunner } from './function-runner';
import { sourceFromHeader, type Caller } from './invocation-context';

/**
 * `functions.invokeFunction`, what cloud.callFunction sends: `{function_name, request_data: JSON text}`,
 * answered with `{response_data: JSON text}` inside the reply's data, or `{code, message}` on failure
 * (the SDK rejects with that `code`, e.g. EXCEED_MAX_PAYLOAD_SIZE for an event over 6 MB).
 *
 * Who the callee runs for: the request carries `wxCloudApiToken`, the WX_API_TOKEN of the calling
 * instance. When that is a call in progress here, the callee gets that call's OPENID/APPID/UNIONID, and
 * SOURCE from the X-TCB-Source header ("wx_client,scf", as the platform documents for a function called
 * by a function). Any other caller (a script or test using the SDK directly) is an admin: no OPENID.
 */
export function invokeFunctionAction(runner: FunctionRunner, limits: EventLimits): ActionHandler {
  return async (body, ctx) => {
    const name = String(body.function_name ?? '');
    const parent = runner.callerForToken(String(body.wxCloudApiToken ?? ''));
    const source = sourceFromHeader(ctx.headers['x-tcb-source']);
    const caller: Caller = parent ? { ...parent, source } : { source };
    try {
      const event = parseRequestData(body.request_data, limits);
      return { response_data: await runner.run(name, event, caller) };
    } catch (error) {
      if (error instanceof FunctionError) throw new CloudError(error.code, error.message);
      throw error;
    }
  };
}

/** The SDK sends JSON.stringify(data), or '' when there is no data; an over-size one is not even parsed. */
function parseRequestData(raw: unknown, limits: EventLimits): unknown {
  if (typeof raw !== 'string' || raw === '') return {};
  const bytes = Buffer.byteLength(raw, 'utf8');
  if (bytes > limits.maxEventBytes) throw eventTooLarge(limits.maxEventBytes, bytes);
  try {
    return JSON.parse(raw);
  } catch {
    throw new CloudError('INVALID_PARAM', 'request_data must be JSON');
  }
}
