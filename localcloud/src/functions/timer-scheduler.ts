import { nextFireAfter, timerEvent, type TimerTrigger } from './timer-triggers';

/** Runs a function for a timer call: no caller, SOURCE wx_trigger, as the platform invokes it. */
export type TimerCall = (trigger: TimerTrigger, event: ReturnType<typeof timerEvent>) => Promise<unknown>;

export interface TimerSchedulerOptions {
  triggers: readonly TimerTrigger[];
  call: TimerCall;
  /** Where a timer call's failure is reported (the platform keeps it in the function's log). */
  onError(trigger: TimerTrigger, error: unknown): void;
  /** The clock the schedule follows (tests). */
  now?: () => number;
}

/** setTimeout's longest delay; a later fire is reached by waking up and looking again. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Fires each trigger at its scheduled instants while started, and fires any trigger now with a chosen
 * Time when asked (fire): the virtual clock tests use. A timer call's result goes nowhere, as on the
 * platform; a call still running when the next instant comes does not hold it back.
 */
export class TimerScheduler {
  private readonly timeouts = new Map<string, NodeJS.Timeout>();
  private running = false;

  constructor(private readonly options: TimerSchedulerOptions) {}

  get triggers(): readonly TimerTrigger[] {
    return this.options.triggers;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    for (const trigger of this.options.triggers) this.schedule(trigger);
  }

  stop(): void {
    this.running = false;
    for (const timeout of this.timeouts.values()) clearTimeout(timeout);
    this.timeouts.clear();
  }

  /** Runs the function's trigger once, now, as if scheduled at `time` (default: now); resolves to main's result. */
  fire(functionName: string, time?: Date): Promise<unknown> {
    const trigger = this.options.triggers.find((t) => t.functionName === functionName);
    if (!trigger) return Promise.reject(new Error(`${functionName} has no timer trigger`));
    return this.options.call(trigger, timerEvent(trigger, time ?? new Date(this.now())));
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }

  private schedule(trigger: TimerTrigger): void {
    const next = nextFireAfter(trigger.config, new Date(this.now()));
    if (!next || !this.running) return;
    const delay = Math.min(Math.max(0, next.getTime() - this.now()), MAX_DELAY_MS);
    const timeout = setTimeout(() => {
      if (!this.running) return;
      if (this.now() >= next.getTime()) {
        this.options.call(trigger, timerEvent(trigger, next)).catch((error: unknown) => this.options.onError(trigger, error));
      }
      this.schedule(trigger);
    }, delay);
    timeout.unref();
    this.timeouts.set(trigger.functionName, timeout);
  }
}
