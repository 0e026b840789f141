// @ts-check
'use strict';
/**
 * One cloud-function instance: a child process that loads `<dir>/index.js` once (the cold start) and then
 * serves one invocation at a time, keeping module state between them, as an SCF instance does.
 *
 * Plain JavaScript on purpose: it runs under bare `node` with no loader, so a cold start costs what it costs on
 * the platform (Node start + the function's own requires) and not a TypeScript compiler's start-up too, and it
 * runs the same from the TS source tree, from jest and from a bundle. The parent (function-instance.ts) defines
 * the message protocol: in {type:'invoke', invocation}; out {type:'ready'} | {type:'load-error', error} |
 * {type:'result', id, ok, data | error | tooLarge}.
 */
const path = require('node:path');

const functionDir = process.argv[2];
/** Must match PER_CALL_ENV_KEYS in invocation-context.ts. */
const PER_CALL_ENV_KEYS = [
  'WX_OPENID',
  'WX_APPID',
  'WX_UNIONID',
  'WX_CLIENTIP',
  'WX_CLIENTIPV6',
  'WX_API_TOKEN',
  'WX_CONTEXT_KEYS',
  'TCB_ENV',
  'TCB_SEQID',
  'TCB_SOURCE',
  'TCB_CONTEXT_KEYS',
];

/** An error's text is kept to this many characters: a message is for a log line, not a payload. */
const MAX_ERROR_TEXT = 64 * 1024;

/** @param {unknown} value */
function clip(value) {
  const text = typeof value === 'string' ? value : String(value);
  return text.length > MAX_ERROR_TEXT ? `${text.slice(0, MAX_ERROR_TEXT)}…` : text;
}

/**
 * A thrown value as plain strings. Anything can be thrown, including values whose String() throws
 * (Object.create(null)); describing one must not fail, or the call would never be answered.
 * @param {unknown} error
 */
function describe(error) {
  try {
    if (error instanceof Error) {
      return {
        name: clip(error.name),
        message: clip(error.message),
        stack: typeof error.stack === 'string' ? clip(error.stack) : undefined,
      };
    }
    return { name: 'Error', message: clip(error), stack: undefined };
  } catch {
    return { name: 'Error', message: 'main threw a value that cannot be shown as text', stack: undefined };
  }
}

/** @param {object} message */
function send(message) {
  if (process.send) process.send(message);
}

/** @type {(event: unknown, context: object) => unknown} */
let main;
try {
  const loaded = require(path.join(String(functionDir), 'index.js'));
  if (typeof loaded.main !== 'function') throw new Error(`${functionDir}/index.js does not export main`);
  main = loaded.main;
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'load-error', error: describe(error) });
}

/** @param {Record<string, string>} env */
function applyCallEnvironment(env) {
  for (const key of PER_CALL_ENV_KEYS) delete process.env[key];
  Object.assign(process.env, env);
}

/** @param {{ time_limit_in_ms: number }} plain */
function platformContext(plain) {
  const deadline = Date.now() + plain.time_limit_in_ms;
  return {
    ...plain,
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

/**
 * The platform hands back JSON: undefined becomes null, and what cannot be serialised is an execution error.
 * @param {unknown} value
 */
function serialise(value) {
  const json = JSON.stringify(value === undefined ? null : value);
  return json === undefined ? 'null' : json;
}

/**
 * The reply to one call. Throws (and the call fails as an execution error) if the result is not JSON;
 * a result over the platform's limit is refused here, before it crosses to the parent.
 * @param {{ id: string, maxResultBytes: number }} invocation
 * @param {unknown} value
 */
function resultMessage(invocation, value) {
  const data = serialise(value);
  const bytes = Buffer.byteLength(data, 'utf8');
  if (bytes > invocation.maxResultBytes) {
    return { type: 'result', id: invocation.id, ok: false, tooLarge: { bytes, limitBytes: invocation.maxResultBytes } };
  }
  return { type: 'result', id: invocation.id, ok: true, data };
}

/** @param {any} invocation */
async function serve(invocation) {
  let reply;
  try {
    applyCallEnvironment(invocation.env);
    const event = JSON.parse(invocation.eventJson);
    const value = await main(event, platformContext(invocation.context));
    reply = resultMessage(invocation, value);
  } catch (error) {
    reply = { type: 'result', id: invocation.id, ok: false, error: describe(error) };
  }
  send(reply);
}

process.on('message', (/** @type {any} */ message) => {
  if (!message || message.type !== 'invoke' || !main) return;
  // Every call must be answered; if even the answer cannot be sent, end the instance so the parent fails
  // the call and starts a fresh one, instead of waiting for the time limit on an instance in an unknown state.
  serve(message.invocation).catch(() => process.exit(70));
});

// The parent going away (or closing the channel) ends the instance, as the platform reclaims it.
process.on('disconnect', () => process.exit(0));
