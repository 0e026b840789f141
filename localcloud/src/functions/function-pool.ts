import { executeFailed, FunctionError } from './function-errors';
import { FunctionInstance } from './function-instance';
import type { WorkerInvocation } from './invocation-context';

export interface PoolOptions {
  functionDir: string;
  poolSize: number;
  timeoutMs: number;
  /** An instance idle this long is recycled; the next call starts cold. */
  idleMs: number;
  env: () => Record<string, string>;
  onOutput(line: string): void;
}

export interface FunctionStats {
  coldStarts: number;
  warmStarts: number;
  /** Instances alive now (starting, idle or busy). */
  instances: number;
  busy: number;
  queued: number;
  invocations: number;
  failures: number;
  timeouts: number;
  crashes: number;
  lastColdStartMs: number | null;
  medianColdStartMs: number | null;
}

/** Resolves with a warm instance to use, or undefined for "a slot was reserved for you: start one". */
type Waiter = (instance: FunctionInstance | undefined) => void;

const COLD_START_SAMPLES = 50;
const START_TIMEOUT_MS = 30_000;

/**
 * The instances of one function: created lazily up to poolSize, reused warm, one call each at a time,
 * further calls queued in arrival order; an instance that crashes, times out or idles too long is dropped.
 */
export class FunctionPool {
  private readonly instances = new Set<FunctionInstance>();
  private readonly idle: FunctionInstance[] = [];
  private readonly idleTimers = new Map<FunctionInstance, NodeJS.Timeout>();
  private readonly retiring = new Set<FunctionInstance>();
  private readonly waiters: Waiter[] = [];
  /** Slots freed by a dead instance and promised to a queued call that has not resumed yet. */
  private reservedSlots = 0;
  private closed = false;
  private readonly coldStartMs: number[] = [];
  private readonly counts = { coldStarts: 0, warmStarts: 0, invocations: 0, failures: 0, timeouts: 0, crashes: 0 };

  constructor(private readonly options: PoolOptions) {}

  async run(invocation: WorkerInvocation): Promise<string> {
    this.counts.invocations += 1;
    let instance: FunctionInstance | undefined;
    try {
      instance = await this.acquire();
      return await instance.run(invocation, this.options.timeoutMs);
    } catch (error) {
      this.counts.failures += 1;
      if (error instanceof FunctionError && error.code === 'FUNCTIONS_TIME_LIMIT_EXCEEDED') this.counts.timeouts += 1;
      throw error;
    } finally {
      if (instance) this.release(instance);
    }
  }

  /** Ends idle instances now, and busy or starting ones after their call; later calls start cold with fresh code. */
  recycle(): void {
    for (const instance of this.instances) {
      if (this.idle.includes(instance)) this.endIdle(instance);
      else this.retiring.add(instance);
    }
  }

  /** Stops every instance; queued and later calls fail instead of starting new ones. */
  close(): void {
    this.closed = true;
    for (const instance of this.instances) instance.kill();
    for (const waiter of this.waiters.splice(0)) {
      this.reservedSlots += 1;
      waiter(undefined);
    }
  }

  stats(): FunctionStats {
    const sorted = [...this.coldStartMs].sort((a, b) => a - b);
    return {
      ...this.counts,
      instances: [...this.instances].filter((i) => i.alive).length,
      busy: [...this.instances].filter((i) => i.busy).length,
      queued: this.waiters.length,
      lastColdStartMs: this.coldStartMs.at(-1) ?? null,
      medianColdStartMs: sorted.length > 0 ? (sorted[Math.floor(sorted.length / 2)] ?? null) : null,
    };
  }

  private async acquire(): Promise<FunctionInstance> {
    let warm = this.idle.pop();
    let reserved = false;
    if (!warm && this.instances.size + this.reservedSlots >= this.options.poolSize) {
      warm = await new Promise<FunctionInstance | undefined>((resolve) => this.waiters.push(resolve));
      reserved = !warm;
    }
    if (warm) {
      this.stopIdleTimer(warm);
      this.counts.warmStarts += 1;
      return warm;
    }
    return this.startInstance(reserved);
  }

  private async startInstance(reserved: boolean): Promise<FunctionInstance> {
    if (reserved) this.reservedSlots -= 1;
    if (this.closed) throw executeFailed('the local cloud is shutting down');
    this.counts.coldStarts += 1;
    const instance = new FunctionInstance({
      functionDir: this.options.functionDir,
      env: this.options.env(),
      // Like SCF, loading the code has its own, longer limit than a call: a busy machine must not fail a cold start.
      startTimeoutMs: Math.max(this.options.timeoutMs, START_TIMEOUT_MS),
      onOutput: this.options.onOutput,
      onExit: (dead) => this.forget(dead),
    });
    this.instances.add(instance);
    await instance.ready;
    if (instance.coldStartMs !== undefined) {
      this.coldStartMs.push(instance.coldStartMs);
      if (this.coldStartMs.length > COLD_START_SAMPLES) this.coldStartMs.shift();
    }
    return instance;
  }

  /**
   * Hands the instance straight to the next queued call (so the queue stays in order), or parks it idle.
   * Runs in run()'s finally, whatever the call did; an instance that still counts itself busy (a call
   * the host lost track of) is replaced rather than handed on, so it can never refuse every later call.
   */
  private release(instance: FunctionInstance): void {
    if (!instance.alive) return; // forget() already freed its slot, or will once the process has exited
    if (instance.busy || this.retiring.has(instance)) {
      instance.kill();
      return;
    }
    const next = this.waiters.shift();
    if (next) {
      next(instance);
      return;
    }
    this.idle.push(instance);
    const timer = setTimeout(() => this.endIdle(instance), this.options.idleMs);
    timer.unref();
    this.idleTimers.set(instance, timer);
  }

  /** Takes an idle instance out of service at once (its slot is freed when the process has exited). */
  private endIdle(instance: FunctionInstance): void {
    const at = this.idle.indexOf(instance);
    if (at >= 0) this.idle.splice(at, 1);
    this.stopIdleTimer(instance);
    instance.kill();
  }

  /** An instance is gone (crash, timeout, idle, recycle): free its slot for a queued call. */
  private forget(instance: FunctionInstance): void {
    if (!this.instances.delete(instance)) return;
    if (instance.crashed) this.counts.crashes += 1;
    const at = this.idle.indexOf(instance);
    if (at >= 0) this.idle.splice(at, 1);
    this.stopIdleTimer(instance);
    this.retiring.delete(instance);
    const next = this.waiters.shift();
    if (next) {
      this.reservedSlots += 1;
      next(undefined);
    }
  }

  private stopIdleTimer(instance: FunctionInstance): void {
    clearTimeout(this.idleTimers.get(instance));
    this.idleTimers.delete(instance);
  }
}
