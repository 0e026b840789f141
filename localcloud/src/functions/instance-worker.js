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
 * {type:'result', id, ok, data | error}.
 */
const path = require('node:path');

const functionDir = process.argv[2];
/** Must match PER_CALL_ENV_KEYS in invocation-context.ts. */
const PER_CALL_ENV_KEYS = [
  'WX_OPENID', 'WX_APPID', 'WX_UNIONID', 'WX_CLIENTIP', 'WX_CLIENTIPV6', 'WX_API_TOKEN', 'WX_CONTEXT_KEYS',
  'TCB_ENV', 'TCB_SEQID', 'TCB_SOURCE', 'TCB_CONTEXT_KEYS',
];

/** @param {unknown} error */
function describe(error) {
  if (error instanceof Error) return { name: error.name, message: error.message, stack: error.stack };
  return { name: 'Error', message: String(error), stack: undefined };
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

process.on('message', async (/** @type {any} */ message) => {
  if (!message || message.type !== 'invoke' || !main) return;
  const { invocation } = message;
  applyCallEnvironment(invocation.env);
  try {
    const value = await main(invocation.event, platformContext(invocation.context));
    send({ type: 'result', id: invocation.id, ok: true, data: serialise(value) });
  } catch (error) {
    send({ type: 'result', id: invocation.id, ok: false, error: describe(error) });
  }
});

// The parent going away (or closing the channel) ends the instance, as the platform reclaims it.
process.on('disconnect', () => process.exit(0));
