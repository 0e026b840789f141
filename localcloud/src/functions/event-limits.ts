import { eventNotJson, eventTooDeep, eventTooLarge } from './function-errors';

/**
 * What one function call may carry, checked once for every way a call arrives (the browser route, the
 * SDK's functions.invokeFunction, invoke() from tests) before an instance is touched.
 *
 * - Event size: SCF documents 6 MB for a synchronous call's event (InvokeFunction's Event, "同步请求事件大小
 *   6MB"), and CloudBase answers EXCEED_MAX_PAYLOAD_SIZE past 6 MB for a function's request body.
 * - Result size: wx-server-sdk lists -604001 "cloudfunction result size exceed limit (1MB)" and CloudBase
 *   EXCEED_MAX_RESPONSE_SIZE past 1 MB; raw SCF would allow 6 MB, but callFunction goes through CloudBase.
 * - Nesting: the platform documents no depth limit, so this one is ours: 100 levels, the nesting limit of
 *   the MongoDB-style database behind CloudBase, so nothing a function can store is refused here, while
 *   the stack-bound code on the way (Node's IPC serialiser, JSON.stringify) fails only near 4,000 levels.
 */
export interface EventLimits {
  maxEventBytes: number;
  maxEventDepth: number;
  maxResultBytes: number;
}

export const PLATFORM_LIMITS: EventLimits = {
  maxEventBytes: 6 * 1024 * 1024,
  maxEventDepth: 100,
  maxResultBytes: 1024 * 1024,
};

/**
 * The event as the JSON text an instance receives (the platform, too, hands functions JSON), or a
 * FunctionError: INVALID_PARAM for a value JSON cannot express or nesting past the limit,
 * EXCEED_MAX_PAYLOAD_SIZE past the size limit. A missing event is `{}`, as an empty callFunction data is.
 */
export function serialiseEvent(event: unknown, limits: EventLimits): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(event === undefined ? {} : event);
  } catch (error) {
    // Cycles and BigInt throw TypeError; nesting that exhausts the stack throws RangeError, as does a
    // string past V8's maximum length, which is over any size limit anyway.
    if (error instanceof RangeError && /string length/i.test(error.message)) throw eventTooLarge(limits.maxEventBytes);
    if (error instanceof RangeError) throw eventTooDeep(limits.maxEventDepth);
    throw eventNotJson(error instanceof Error ? error.message : String(error));
  }
  if (json === undefined) throw eventNotJson(`${typeof event} is not a JSON value`);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > limits.maxEventBytes) throw eventTooLarge(limits.maxEventBytes, bytes);
  if (jsonDepthExceeds(json, limits.maxEventDepth)) throw eventTooDeep(limits.maxEventDepth);
  return json;
}

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * True when valid JSON text nests objects and arrays deeper than `maxDepth` (the outermost container is
 * level 1, as MongoDB counts). One pass over the text, no recursion, so no input can exhaust the stack.
 */
export function jsonDepthExceeds(json: string, maxDepth: number): boolean {
  // Each level needs an opening and a closing bracket: shorter text cannot be deeper.
  if (json.length <= 2 * maxDepth) return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) depth -= 1;
  }
  return false;
}
