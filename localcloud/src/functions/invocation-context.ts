import { randomUUID } from 'node:crypto';

/** Who an invocation runs for: what the platform puts into the WX context of one call. */
export interface Caller {
  openid?: string;
  unionid?: string;
  appid?: string;
  /** getWXContext().SOURCE: wx_client for a mini-program call, "wx_client,scf" one function further. */
  source?: string;
  clientIp?: string;
}

/**
 * What the worker needs for one call: the event, the `context` argument, the per-call environment, and the
 * largest result the platform hands back. The event travels as JSON text already checked against the
 * limits, so forwarding it can never fail on what a caller sent (IPC would re-serialise an object).
 */
export interface WorkerInvocation {
  id: string;
  eventJson: string;
  env: Record<string, string>;
  context: PlatformContext;
  maxResultBytes: number;
}

/** The plain-data part of the `context` argument SCF passes to main (getRemainingTimeInMillis is added in the worker). */
export interface PlatformContext {
  request_id: string;
  function_name: string;
  function_version: string;
  namespace: string;
  memory_limit_in_mb: number;
  time_limit_in_ms: number;
  tencentcloud_region: string;
  /** The per-call environment as "K=V;K=V" (old runtime) and as JSON (new runtime); @cloudbase/node-sdk reads either. */
  environ: string;
  environment: string;
}

export interface InvocationSettings {
  functionName: string;
  envId: string;
  timeoutMs: number;
  memoryMb: number;
  region: string;
  maxResultBytes: number;
}

/**
 * Builds one invocation. `apiToken` goes into WX_API_TOKEN, which the SDK sends back as
 * `wxCloudApiToken` on every request the call makes, so a nested callFunction can be traced to its caller.
 */
export function buildInvocation(eventJson: string, caller: Caller, apiToken: string, settings: InvocationSettings): WorkerInvocation {
  const id = randomUUID();
  const env = wxEnvironment(caller, apiToken, settings.envId, id);
  const context: PlatformContext = {
    request_id: id,
    function_name: settings.functionName,
    function_version: '$LATEST',
    namespace: settings.envId,
    memory_limit_in_mb: settings.memoryMb,
    time_limit_in_ms: settings.timeoutMs,
    tencentcloud_region: settings.region,
    environ: Object.entries(env)
      .map(([k, v]) => `${k}=${v}`)
      .join(';'),
    environment: JSON.stringify(env),
  };
  return { id, eventJson, env, context, maxResultBytes: settings.maxResultBytes };
}

/**
 * The variables getWXContext() reads: it walks WX_CONTEXT_KEYS, strips the WX_ prefix and skips
 * WX_API_TOKEN; SOURCE comes from TCB_SOURCE, which @cloudbase/node-sdk also echoes (plus ",scf")
 * in the X-TCB-Source header of nested calls once TCB_CONTEXT_KEYS lists it.
 */
export function wxEnvironment(caller: Caller, apiToken: string, envId: string, requestId: string): Record<string, string> {
  const wx: Record<string, string | undefined> = {
    WX_OPENID: caller.openid,
    WX_APPID: caller.appid,
    WX_UNIONID: caller.unionid,
    WX_CLIENTIP: caller.clientIp && !caller.clientIp.includes(':') ? caller.clientIp : undefined,
    WX_CLIENTIPV6: caller.clientIp?.includes(':') ? caller.clientIp : undefined,
    WX_API_TOKEN: apiToken,
  };
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(wx)) if (value) env[key] = value;
  env.WX_CONTEXT_KEYS = Object.keys(env).join(',');
  env.TCB_ENV = envId;
  env.TCB_SEQID = requestId;
  if (caller.source) env.TCB_SOURCE = caller.source;
  env.TCB_CONTEXT_KEYS = ['TCB_ENV', 'TCB_SEQID', ...(caller.source ? ['TCB_SOURCE'] : [])].join(',');
  return env;
}

/** Every variable wxEnvironment may set: the worker clears these between calls so nothing leaks from the last caller. */
export const PER_CALL_ENV_KEYS = [
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
] as const;

/**
 * The SOURCE a nested call sees, from the X-TCB-Source header the SDK sends ("<TCB_SOURCE>,<run env tag>"):
 * a call made inside a mini-program-triggered function arrives as "wx_client,scf", as the platform documents.
 */
export function sourceFromHeader(header: string | string[] | undefined): string {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  const parts = raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length > 0 ? parts.join(',') : 'scf';
}
