import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { executeFailed, resultTooLarge, timedOut, type FunctionError } from './function-errors';
import type { WorkerInvocation } from './invocation-context';

const WORKER_SCRIPT = join(__dirname, 'instance-worker.js');

interface WorkerError {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
}

/** What instance-worker.js sends; checked field by field, since a function's own code runs in that process. */
interface WorkerMessage {
  type?: unknown;
  id?: unknown;
  ok?: unknown;
  data?: unknown;
  error?: WorkerError;
  tooLarge?: { bytes?: unknown; limitBytes?: unknown };
}

interface PendingCall {
  id: string;
  resolve(responseData: string): void;
  reject(error: FunctionError): void;
  timer: NodeJS.Timeout;
}

interface Loading {
  resolve(): void;
  reject(error: FunctionError): void;
  timer: NodeJS.Timeout;
}

export interface InstanceOptions {
  functionDir: string;
  /** The whole environment of the process: SDK redirection plus the platform's variables. */
  env: Record<string, string>;
  /** How long loading index.js may take before the instance is given up. */
  startTimeoutMs: number;
  /** One line the function printed (console.log / console.error). */
  onOutput(line: string): void;
  /** Called once when the process is gone, whatever the reason (including one that never started). */
  onExit(instance: FunctionInstance): void;
}

/**
 * One worker process: a warm cloud-function instance that serves one call at a time.
 * Every call ends in exactly one of: the worker's answer, the time limit, or the process going away;
 * each clears the call (finishCall), so a failure can never leave the instance marked busy.
 */
export class FunctionInstance {
  /** Resolves once index.js is loaded; rejects with the load error or if the process dies first. */
  readonly ready: Promise<void>;
  readonly startedAt = Date.now();
  /** Milliseconds from fork to loaded index.js: the cold start. */
  coldStartMs: number | undefined;
  private readonly child: ChildProcess;
  private loading: Loading | undefined;
  private pending: PendingCall | undefined;
  private exited = false;
  private killedByHost = false;

  constructor(private readonly options: InstanceOptions) {
    this.child = fork(WORKER_SCRIPT, [options.functionDir], {
      cwd: options.functionDir,
      env: options.env,
      // Not the parent's flags (jest's, tsx's loader): an instance is a bare Node process, as on the platform.
      execArgv: [],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'json',
    });
    this.ready = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => this.finishLoading(timedOut(options.startTimeoutMs)), options.startTimeoutMs);
      this.loading = { resolve, reject, timer };
    });
    this.ready.catch(() => undefined); // the pool awaits it; a failure is handled in finishLoading
    forwardLines(this.child.stdout, options.onOutput);
    forwardLines(this.child.stderr, options.onOutput);
    this.child.on('message', (message: WorkerMessage) => this.onMessage(message));
    this.child.on('exit', (code, signal) => this.markGone(signal ?? `exit code ${code}`));
    // A process that never started (no pid: ENOENT, EMFILE …) emits 'error' and never 'exit'.
    // Otherwise 'error' means it could not be signalled or written to: treat it as dead; 'exit' follows.
    this.child.on('error', (error) => (this.child.pid === undefined ? this.markGone(`could not start: ${error.message}`) : this.kill()));
  }

  /** False once the process has exited or is being killed: no call may be given to it. */
  get alive(): boolean {
    return !this.exited && !this.killedByHost;
  }

  get busy(): boolean {
    return this.pending !== undefined;
  }

  /** True once the process has exited on its own (a crash), as opposed to being stopped by the pool. */
  get crashed(): boolean {
    return this.exited && !this.killedByHost;
  }

  /** Runs one call; a call over its time limit kills the instance, as the platform does. Resolves to the JSON result. */
  run(invocation: WorkerInvocation, timeoutMs: number): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      if (this.pending) return reject(executeFailed('function instance is already serving a call'));
      if (!this.alive) return reject(executeFailed('function instance is not running'));
      const timer = setTimeout(() => {
        this.finishCall(timedOut(timeoutMs));
        this.kill();
      }, timeoutMs);
      this.pending = { id: invocation.id, resolve, reject, timer };
      try {
        this.child.send({ type: 'invoke', invocation }, (error) => {
          if (error) this.kill(); // the exit fails the call
        });
      } catch (error) {
        // Nothing usable reached the worker; replace it rather than guess what state it is in.
        this.finishCall(executeFailed(`could not hand the call to the function instance: ${errorText(error)}`));
        this.kill();
      }
    });
  }

  kill(): void {
    if (this.exited || this.killedByHost) return;
    this.killedByHost = true;
    this.child.kill('SIGKILL');
  }

  /** Ends the current call, if any, with its result or error; the one place a call is cleared. */
  private finishCall(outcome: string | FunctionError): void {
    const call = this.pending;
    if (!call) return;
    this.pending = undefined;
    clearTimeout(call.timer);
    if (typeof outcome === 'string') call.resolve(outcome);
    else call.reject(outcome);
  }

  /** Ends loading with success, or with an error that also ends the instance. */
  private finishLoading(error?: FunctionError): void {
    const loading = this.loading;
    if (!loading) return;
    this.loading = undefined;
    clearTimeout(loading.timer);
    if (!error) {
      this.coldStartMs = Date.now() - this.startedAt;
      loading.resolve();
      return;
    }
    loading.reject(error);
    this.kill();
  }

  private onMessage(message: WorkerMessage): void {
    if (message?.type === 'ready') this.finishLoading();
    else if (message?.type === 'load-error') this.finishLoading(executeFailed(formatError(message.error)));
    else if (message?.type === 'result' && this.pending && message.id === this.pending.id) this.finishCall(callOutcome(message));
  }

  /** The process is gone (exited, or never started): fail what was waiting on it and free its slot, once. */
  private markGone(how: string): void {
    if (this.exited) return;
    this.exited = true;
    this.finishLoading(executeFailed(`function instance ${how} while loading`));
    const verb = this.killedByHost ? 'was stopped' : `crashed (${how})`;
    this.finishCall(executeFailed(`function instance ${verb} while serving the call`));
    this.options.onExit(this);
  }
}

/** What a result message means for the caller: the JSON text, or the error to report. */
function callOutcome(message: WorkerMessage): string | FunctionError {
  if (message.ok === true && typeof message.data === 'string') return message.data;
  const tooLarge = message.tooLarge;
  if (tooLarge && typeof tooLarge.bytes === 'number' && typeof tooLarge.limitBytes === 'number') {
    return resultTooLarge(tooLarge.bytes, tooLarge.limitBytes);
  }
  return executeFailed(formatError(message.error));
}

/** The platform reports a thrown error as its stack ("Error: boom\n    at exports.main ..."). */
function formatError(error: WorkerError | undefined): string {
  if (typeof error?.stack === 'string') return error.stack;
  return `${String(error?.name ?? 'Error')}: ${String(error?.message ?? 'the function instance sent no error')}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function forwardLines(stream: Readable | null, onLine: (line: string) => void): void {
  if (!stream) return;
  createInterface({ input: stream }).on('line', onLine);
}
