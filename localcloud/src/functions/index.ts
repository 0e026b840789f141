import type { CloudModule } from '../server/module';
import type { IncomingMessage } from 'node:http';
import { browserRoutes, signedInOpenid } from './browser-routes';
import { PLATFORM_LIMITS, type EventLimits } from './event-limits';
import type { FunctionStats } from './function-pool';
import { FunctionRunner } from './function-runner';
import { invokeFunctionAction } from './invoke-function-action';
import { SigninTokens } from './signin-tokens';
import { SigninUsers } from './signin-users';
import { TimerScheduler } from './timer-scheduler';
import { timerRoutes } from './timer-routes';
import { readTimerTriggers, type TimerTrigger } from './timer-triggers';

export { FunctionError, type FunctionErrorCode } from './function-errors';
export { PLATFORM_LIMITS, type EventLimits } from './event-limits';
export type { FunctionStats } from './function-pool';
export type { SigninUser } from './signin-users';
export type { TimerTrigger } from './timer-triggers';

export interface FunctionsOptions {
  /** One folder per function, each with an index.js exporting main(event, context). */
  functionsDir?: string;
  /** Most instances (worker processes) per function; calls beyond wait their turn. */
  poolSize: number;
  envId: string;
  /** The APPID getWXContext() reports for a signed-in caller. */
  appId: string;
  /** JSON array of `{ openid, name?, label? }` who may sign in; unset: any non-empty openid. */
  usersFile?: string;
  /** Where the sign-in HMAC secret is kept (created once, mode 600). */
  secretFile: string;
  /** This local cloud's base URL, known only once the server listens. */
  cloudUrl: () => string;
  /** Per-call time limit (the platform's default is 3 s; locally 20 s, so a debugger pause survives). */
  timeoutMs?: number;
  /** An instance idle this long is recycled and the next call starts cold. */
  idleMs?: number;
  /** memory_limit_in_mb reported in context (not enforced). */
  memoryMb?: number;
  /** How long a sign-in token lasts. */
  signinTtlMs?: number;
  /** Where the functions' console output goes, one line at a time; default: stdout with a [fn:name] prefix. */
  onOutput?: (functionName: string, line: string) => void;
  /** The clock for sign-in tokens (tests). */
  now?: () => number;
  /** Event and result limits; the platform's (6 MB event, 100 levels, 1 MB result) unless overridden. */
  limits?: Partial<EventLimits>;
  /** Fire the functions' timer triggers (config.json) on their schedule; unset: off, and only fireTimer() runs them. */
  timers?: boolean;
}

/** Who a direct invoke() runs for; SOURCE defaults to wx_client, as if from the mini-program. */
export interface InvokeAs {
  openid?: string;
  unionid?: string;
  appid?: string;
  source?: string;
  clientIp?: string;
}

export interface FunctionsModule extends CloudModule {
  /** Runs a function as `as` would call it from the mini-program; resolves to what main returned. */
  invoke(name: string, event: unknown, as?: InvokeAs): Promise<unknown>;
  /** Cold/warm counts and instance counts per function that has been called. */
  stats(): Record<string, FunctionStats>;
  /** Ends the instances of one function (or all); the next call starts cold, e.g. after a rebuild. */
  recycle(name?: string): void;
  /** The signed-in browser caller of a request (bearer token), for other routes that need one. */
  browserCaller(req: IncomingMessage): string | undefined;
  /** The timer triggers the functions' config.json files declare (read at start). */
  timers(): readonly TimerTrigger[];
  /**
   * Runs a function's timer trigger now, as the platform would at `time` (default: now): the virtual clock
   * of tests. Resolves to what main returned; rejects when the function has no timer trigger.
   */
  fireTimer(name: string, time?: Date): Promise<unknown>;
}

const DEFAULTS = { timeoutMs: 20_000, idleMs: 10 * 60_000, memoryMb: 256, signinTtlMs: 7 * 24 * 3600_000 };

/** The function runner: functions.invokeFunction for the SDK, plus sign-in and function calls for the browser. */
export function createFunctionsModule(options: FunctionsOptions): FunctionsModule {
  const limits: EventLimits = { ...PLATFORM_LIMITS, ...options.limits };
  const onOutput = options.onOutput ?? ((name: string, line: string) => process.stdout.write(`[fn:${name}] ${line}\n`));
  const runner = new FunctionRunner({
    functionsDir: options.functionsDir,
    poolSize: options.poolSize,
    envId: options.envId,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    idleMs: options.idleMs ?? DEFAULTS.idleMs,
    memoryMb: options.memoryMb ?? DEFAULTS.memoryMb,
    region: 'ap-shanghai',
    limits,
    cloudUrl: options.cloudUrl,
    baseEnv: process.env,
    onOutput,
  });
  const tokens = SigninTokens.fromSecretFile(options.secretFile, options.signinTtlMs ?? DEFAULTS.signinTtlMs, options.now);
  const users = SigninUsers.fromFile(options.usersFile);
  const scheduler = new TimerScheduler({
    triggers: readTimerTriggers(options.functionsDir),
    // A timer call has no caller: no OPENID, no APPID; SOURCE wx_trigger, as getWXContext() reports it.
    call: async (trigger, event) => JSON.parse(await runner.run(trigger.functionName, event, { source: 'wx_trigger' })) as unknown,
    onError: (trigger, error) =>
      onOutput(trigger.functionName, `timer ${trigger.name} failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  if (options.timers) scheduler.start();
  return {
    name: 'functions',
    actions: { 'functions.invokeFunction': invokeFunctionAction(runner, limits) },
    routes: [...browserRoutes({ runner, tokens, users, appId: options.appId, limits }), ...timerRoutes(scheduler)],
    async invoke(name, event, as = {}) {
      const appid = as.appid ?? (as.openid ? options.appId : undefined);
      const responseData = await runner.run(name, event, { source: 'wx_client', ...as, appid });
      return JSON.parse(responseData) as unknown;
    },
    stats: () => runner.stats(),
    recycle: (name) => runner.recycle(name),
    browserCaller: (req) => signedInOpenid({ tokens, users }, req),
    timers: () => scheduler.triggers,
    fireTimer: (name, time) => scheduler.fire(name, time),
    close: () => {
      scheduler.stop();
      runner.close();
    },
  };
}
