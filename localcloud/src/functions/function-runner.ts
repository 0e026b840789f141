import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sdkEnvFor } from '../config';
import { serialiseEvent, type EventLimits } from './event-limits';
import { functionNotFound } from './function-errors';
import { FunctionPool, type FunctionStats } from './function-pool';
import { buildInvocation, PER_CALL_ENV_KEYS, type Caller } from './invocation-context';

export interface RunnerOptions {
  functionsDir?: string;
  poolSize: number;
  envId: string;
  timeoutMs: number;
  idleMs: number;
  memoryMb: number;
  region: string;
  /** The platform's limits on a call's event and result. */
  limits: EventLimits;
  cloudUrl: () => string;
  /** Base environment of every instance (before the SDK redirection and the platform's variables). */
  baseEnv: NodeJS.ProcessEnv;
  onOutput(functionName: string, line: string): void;
}

/** A function name as the platform allows it; anything else (a path, "..") is simply not found. */
const FUNCTION_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/;

/**
 * Runs functions by name: one pool of worker processes per function, and a record of the calls in
 * progress by their WX_API_TOKEN so a function's own callFunction can be traced back to its caller.
 */
export class FunctionRunner {
  private readonly pools = new Map<string, FunctionPool>();
  private readonly callsInProgress = new Map<string, Caller>();

  constructor(private readonly options: RunnerOptions) {}

  /**
   * Runs `name` for `caller` and resolves to the JSON text of what main returned. Every entrance (browser
   * route, SDK action, invoke()) comes through here, so an event over the limits is refused before any
   * instance is taken (INVALID_PARAM, EXCEED_MAX_PAYLOAD_SIZE).
   */
  async run(name: string, event: unknown, caller: Caller): Promise<string> {
    const pool = this.poolFor(name);
    const eventJson = serialiseEvent(event, this.options.limits);
    const apiToken = randomBytes(18).toString('base64url');
    const invocation = buildInvocation(eventJson, caller, apiToken, {
      functionName: name,
      envId: this.options.envId,
      timeoutMs: this.options.timeoutMs,
      memoryMb: this.options.memoryMb,
      region: this.options.region,
      maxResultBytes: this.options.limits.maxResultBytes,
    });
    this.callsInProgress.set(apiToken, caller);
    try {
      return await pool.run(invocation);
    } finally {
      this.callsInProgress.delete(apiToken);
    }
  }

  /** The caller of the call in progress that holds this WX_API_TOKEN, if any. */
  callerForToken(apiToken: string): Caller | undefined {
    return apiToken ? this.callsInProgress.get(apiToken) : undefined;
  }

  stats(): Record<string, FunctionStats> {
    return Object.fromEntries([...this.pools].map(([name, pool]) => [name, pool.stats()]));
  }

  recycle(name?: string): void {
    for (const [poolName, pool] of this.pools) if (name === undefined || name === poolName) pool.recycle();
  }

  close(): void {
    for (const pool of this.pools.values()) pool.close();
  }

  private poolFor(name: string): FunctionPool {
    const existing = this.pools.get(name);
    if (existing) return existing;
    const dir = this.options.functionsDir;
    if (!dir || !FUNCTION_NAME.test(name) || !existsSync(join(dir, name, 'index.js'))) throw functionNotFound(name);
    const pool = new FunctionPool({
      functionDir: join(dir, name),
      poolSize: this.options.poolSize,
      timeoutMs: this.options.timeoutMs,
      idleMs: this.options.idleMs,
      env: () => this.instanceEnv(name),
      onOutput: (line) => this.options.onOutput(name, line),
    });
    this.pools.set(name, pool);
    return pool;
  }

  /** What an SCF instance starts with: the host's variables minus any caller identity, the SDK redirection, SCF_*. */
  private instanceEnv(name: string): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(this.options.baseEnv)) {
      const identity = key.startsWith('WX_') || (PER_CALL_ENV_KEYS as readonly string[]).includes(key);
      if (value !== undefined && !identity) env[key] = value;
    }
    return {
      ...env,
      ...sdkEnvFor(this.options.cloudUrl(), this.options.envId),
      TENCENTCLOUD_REGION: this.options.region,
      SCF_FUNCTIONNAME: name,
      SCF_FUNCTIONVERSION: '$LATEST',
      SCF_RUNTIME: `Nodejs${process.versions.node.split('.')[0]}`,
      SCF_MEMORY_SIZE: String(this.options.memoryMb),
      USER_CODE_ROOT: join(this.options.functionsDir ?? '', name),
    };
  }
}
